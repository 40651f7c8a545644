// The shapes of the names the APIs accept, in one place: the bridge's schemas, the spec problems,
// the sandbox's validation and the renderer's forms all test the same patterns. (App Platform's
// are from its app spec schema; hostnames keep RFC 1123 labels plus "_" for names such as
// _acme-challenge, and an IDN's punycode TLD.)

/** App Platform app names: 2–32 lowercase letters, digits and dashes, starting with a letter. */
export const APP_NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
/** Component names: up to 32 lowercase letters, digits and dashes, starting with a letter. */
export const COMPONENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
/** Environment variable keys. */
export const ENV_KEY_PATTERN = /^[_A-Za-z][_A-Za-z0-9]*$/;

/** One hostname label, as a pattern source to build longer patterns from. */
export const HOST_LABEL_SOURCE = '[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?';
/** A top-level domain: letters, or punycode such as xn--p1ai. */
export const TLD_SOURCE = '([a-z]{2,63}|xn--[a-z0-9-]{1,59})';
/** A hostname as a record's value may hold it: any case, one trailing dot allowed. */
export const HOSTNAME_PATTERN = new RegExp(`^(${HOST_LABEL_SOURCE}\\.)+${TLD_SOURCE}\\.?$`, 'i');
/** A hostname as a form takes it (already lower-cased, no trailing dot), "*." allowed in front. */
export const WILDCARD_HOSTNAME_PATTERN = new RegExp(`^(\\*\\.)?(${HOST_LABEL_SOURCE}\\.)+${TLD_SOURCE}$`);
