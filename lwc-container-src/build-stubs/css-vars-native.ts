/**
 * Stands in for `css-vars-ponyfill` in the bundle. Every browser the container targets has CSS
 * custom properties, where the ponyfill only sets the given variables on :root; so does this.
 */
export default function cssVars(options: { variables?: Record<string, string> } = {}): void {
    for (const [name, value] of Object.entries(options.variables ?? {})) {
        document.documentElement.style.setProperty(
            name.startsWith('--') ? name : `--${name}`,
            value
        );
    }
}
