import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Issue 13, finding 17: the External Client App serves client credentials against Apex REST
 * only, which needs the `Api` scope and nothing else; the broad set stays in the Connected App
 * fallback, which Sendbird's username-password form needs.
 */
const ROOT = path.resolve(__dirname, '../../..');
const parser = new XMLParser({ isArray: (name) => name === 'scopes' });
const read = (file: string) =>
    parser.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<
        string,
        Record<string, unknown>
    >;

describe('OAuth app scopes', () => {
    it('gives the External Client App the Api scope only', () => {
        const settings = read(
            'force-app/ai-agent-oauth/extlClntAppOauthSettings/Sendbird_AI_Agent_oauth.ecaOauth-meta.xml'
        ).ExtlClntAppOauthSettings;
        const scopes = String(settings.commaSeparatedOauthScopes)
            .split(',')
            .map((scope) => scope.trim());
        expect(scopes).toEqual(['Api']);
    });

    it('keeps the broad set in the username-password Connected App fallback only', () => {
        const app = read(
            'force-app/ai-agent-oauth-connected-app/connectedApps/Sendbird_AI_Agent_Password.connectedApp-meta.xml'
        ).ConnectedApp as { oauthConfig: { scopes: string[] } };
        expect(app.oauthConfig.scopes).toEqual(
            expect.arrayContaining(['Api', 'RefreshToken', 'Web'])
        );
    });
});
