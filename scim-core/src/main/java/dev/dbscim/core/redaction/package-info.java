/**
 * Secret redaction: {@link dev.dbscim.core.redaction.Redactor} masks credential headers, secret query and form
 * parameters and secret JSON attributes, for the client's wire logs and the testkit's recorded requests alike.
 */
package dev.dbscim.core.redaction;
