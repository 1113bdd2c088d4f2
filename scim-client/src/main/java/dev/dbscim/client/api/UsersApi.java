package dev.dbscim.client.api;

import dev.dbscim.core.model.User;

/**
 * The {@code /Users} endpoint (RFC 7643 section 4.1): create, read, list, replace, patch and delete users. Reached
 * through {@code users()} on a facade; thread-safe.
 *
 * <pre>{@code
 * User ada = account.users().create(User.builder().userName("ada@example.com").build());
 * Optional<User> same = account.users().find(ada.id().orElseThrow());
 * }</pre>
 *
 * <p>A user's unique key, used to resolve an unclear create, is {@code userName}; partial list reads always include
 * {@code id} and {@code userName}.
 */
public interface UsersApi extends ResourceApi<User> {}
