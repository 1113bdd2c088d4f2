package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import java.util.Collections;
import java.util.Objects;

/**
 * A small piece of "your" code built on dbscim: onboards a new hire into a Databricks account group. Its test,
 * {@code DownstreamServiceTest}, shows how to test such code against the testkit's fake.
 */
public final class OnboardingService {
  private final ScimAccountClient account;

  /**
   * Creates the service.
   *
   * @param account the account client to provision with
   */
  public OnboardingService(ScimAccountClient account) {
    this.account = Objects.requireNonNull(account, "account");
  }

  /**
   * Makes {@code email} a member of the group {@code groupName}, creating the user if the account has none by that
   * name.
   *
   * @param email the user name (an email address)
   * @param groupName the display name of an existing account group
   * @return the user
   * @throws IllegalArgumentException when the account has no such group (nothing is created then)
   */
  public User onboard(String email, String groupName) {
    Group group = account.groups().list(q -> q.filter(Filter.attr("displayName").eq(groupName))).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no group named " + groupName));
    User user = account.users().list(q -> q.filter(Filter.attr("userName").eq(email))).stream()
        .findFirst()
        .orElseGet(() -> account.users().create(User.builder().userName(email).build()));
    account.groups().addMembers(group.id().orElseThrow(), Collections.singletonList(user.id().orElseThrow()));
    return user;
  }
}
