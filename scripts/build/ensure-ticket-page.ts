import { ensureTicketPage, TICKET_PAGE_DIR } from './ticket-page';

/**
 * `npm test`: builds the customer page for the browser tests while the container builds, unless
 * `npm run build` already built it from the current sources.
 */
ensureTicketPage(process.cwd())
    .then((built) =>
        console.log(
            built
                ? `✔ Built ${TICKET_PAGE_DIR} for the browser tests.`
                : `✔ ${TICKET_PAGE_DIR} is current (built from the same inputs).`
        )
    )
    .catch((error: unknown) => {
        console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    });
