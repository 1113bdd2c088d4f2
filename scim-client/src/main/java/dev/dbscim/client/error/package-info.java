/**
 * The client's unchecked exception tree: {@link dev.dbscim.client.error.ScimException} and its subclasses, plus
 * {@link dev.dbscim.client.error.ScimErrorType}.
 *
 * <p>Only the SDK creates these exceptions (their constructors are package-private). A failure without a usable SCIM
 * response is a {@link dev.dbscim.client.error.ScimClientException}; an error answer from the service is a
 * {@link dev.dbscim.client.error.ScimServiceException}, whose subclass is chosen by HTTP status.
 */
package dev.dbscim.client.error;
