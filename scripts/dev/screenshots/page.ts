/** One picture of a Lightning component, drawn from its jest DOM. */
export interface LightningShot {
    /** The file name without .png, and the fragment's name (force-app/test/screenshots). */
    name: string;
    /** The component's tag, e.g. c-sendbird-case-conversation. */
    component: string;
    /** Where it lives in an org, for the label, e.g. "Case record page". */
    place: string;
    /** The width it is drawn at: the region of the page it sits in, in CSS pixels. */
    width: number;
}

export const LIGHTNING_SHOTS: readonly LightningShot[] = [
    {
        name: 'case-conversation',
        component: 'c-sendbird-case-conversation',
        place: 'Case record page',
        width: 600
    },
    {
        name: 'setup-assistant',
        component: 'c-sendbird-setup-assistant',
        place: 'Sendbird Setup tab',
        width: 960
    },
    {
        name: 'failure-console',
        component: 'c-sendbird-failure-console',
        place: 'Sendbird Failure Console tab',
        width: 1360
    }
];

/** Where the page loads the design system from (served by lightning.ts). */
export const SLDS_CSS = '/slds/assets/styles/salesforce-lightning-design-system.min.css';

/**
 * The design system's CSS as Lightning applies it: a `/*! @css-var-fallback padding-left *\/`
 * before a styling hook (`--slds-c-card-body-spacing-inline-start: …`) marks a declaration that
 * the platform's build writes out; the npm CSS leaves it to the consumer. Without it, e.g.
 * .slds-card__body_inner has no padding.
 */
export function withCssVarFallbacks(css: string): string {
    return css.replace(
        /\/\*! @css-var-fallback ([a-z-]+) \*\/\s*(--[\w-]+)\s*:([^;}]+)/g,
        (_match, property: string, hook: string, value: string) =>
            `${hook}:${value};${property}:var(${hook})`
    );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
    return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/** The label every picture carries: what it is drawn from, and that it is not an org. */
export function labelOf(shot: LightningShot, sldsVersion: string): string {
    return (
        `${shot.component} (${shot.place}), rendered from its jest DOM with stand-in data and ` +
        `the Lightning Design System ${sldsVersion} CSS: not a Salesforce org.`
    );
}

/**
 * The page a fragment is pictured in: the design system's CSS, the label above, the component
 * in a frame of the width its place in Lightning gives it.
 * @param fragment force-app/test/screenshots' output: the component styles and its markup
 */
export function pageHtml(shot: LightningShot, fragment: string, sldsVersion: string): string {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(shot.component)}</title>
<link rel="stylesheet" href="${SLDS_CSS}">
<style>
/* Lightning's page background; Liberation Sans (Arial's metrics) stands in for the system font. */
body { margin: 0; background: #eef1f6; font-family: 'Liberation Sans', Arial, sans-serif; }
.shot { display: inline-block; padding: 12px; }
.shot-label { margin-bottom: 8px; padding: 4px 8px; border-left: 3px solid #0176d3; background: #fff;
    font-size: 12px; color: #444; width: ${shot.width}px; box-sizing: border-box; }
.shot-frame { width: ${shot.width}px; }
/* Cards stacked in one component keep the gap a Lightning page puts between them. */
.shot-frame [data-lightning='lightning-card'] + * { display: block; margin-top: 12px; }
</style>
</head>
<body class="slds-scope">
<div class="shot">
<div class="shot-label">${escapeHtml(labelOf(shot, sldsVersion))}</div>
<div class="shot-frame">
${fragment}
</div>
</div>
</body>
</html>
`;
}
