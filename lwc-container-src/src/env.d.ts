/** Parcel inlines `process.env.*` at build time; nothing else of `process` exists in the bundle. */
declare const process: { env: { SENDBIRD_VOICE_MESSAGES?: string } };

/** Style sheets imported for their side effect; Parcel bundles them. */
declare module '*.css';
