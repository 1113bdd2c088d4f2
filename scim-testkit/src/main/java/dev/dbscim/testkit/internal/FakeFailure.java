package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.SchemaUrns;

/** A refusal of the fake, carrying the HTTP status and the exact body the real service answers with. */
public final class FakeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The status code. */
  private final int status;
  /** The body, never echoing a secret. */
  private final transient ObjectNode body;

  private FakeFailure(int status, ObjectNode body, String message) {
    super(message, null, false, false);
    this.status = status;
    this.body = body;
  }

  /**
   * Returns a SCIM-shaped failure: {@code {"schemas":[Error],"detail":..,"status":"<code>"[,"scimType":..]}}.
   *
   * @param status the status code
   * @param scimType the scimType, or {@code null} for none
   * @param detail the detail string
   * @return the failure
   */
  public static FakeFailure scim(int status, String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(SchemaUrns.ERROR);
    body.put("detail", detail);
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("status", Integer.toString(status));
    return new FakeFailure(status, body, detail);
  }

  /**
   * Returns a failure with the Databricks platform body {@code {"error_code":..,"message":..}}.
   *
   * @param status the status code
   * @param errorCode the error code, such as {@code RESOURCE_DOES_NOT_EXIST}
   * @param message the message
   * @return the failure
   */
  public static FakeFailure platform(int status, String errorCode, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error_code", errorCode);
    body.put("message", message);
    return new FakeFailure(status, body, message);
  }

  /**
   * Returns an authentication failure: {@code {"error_code":401,"message":..}} with a numeric code (go-sdk #873).
   *
   * @param message the message
   * @return the failure
   */
  public static FakeFailure unauthenticated(String message) {
    return credentialRefused(401, message);
  }

  /**
   * Returns a refused credential with a numeric {@code error_code} equal to the status: 401 on the account host, and
   * 403 for a token a workspace does not accept, as workspaces answer (go-sdk #873, #795, #1046:
   * {@code 403 {"error_code":403,"message":"Invalid access token."}}).
   *
   * @param status 401 or 403
   * @param message the message, also sent as {@code X-Databricks-Reason-Phrase}
   * @return the failure
   */
  public static FakeFailure credentialRefused(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error_code", status);
    body.put("message", message);
    return new FakeFailure(status, body, message);
  }

  /**
   * Returns the status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the response body.
   *
   * @return the body
   */
  public ObjectNode body() {
    return body;
  }
}
