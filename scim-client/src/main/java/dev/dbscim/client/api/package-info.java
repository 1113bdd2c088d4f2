/**
 * Resource APIs reached from the account and workspace facades, and the values they take, such as
 * {@link dev.dbscim.client.api.ListRequest}.
 */
@ValueStyle
package dev.dbscim.client.api;

import dev.dbscim.client.internal.ValueStyle;
