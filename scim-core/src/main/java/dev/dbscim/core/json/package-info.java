/**
 * JSON configuration (the one place a Jackson {@code ObjectMapper} is set up) and the SCIM schema URNs.
 */
package dev.dbscim.core.json;
