package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EntitlementTest {
  @ParameterizedTest
  @EnumSource(Entitlement.class)
  void fromValue_wireValue_returnsSameEntitlement(Entitlement entitlement) {
    assertThat(Entitlement.fromValue(entitlement.value())).hasValue(entitlement);
  }

  @Test
  void value_eachEntitlement_isDatabricksWireValue() {
    assertThat(Entitlement.values()).extracting(Entitlement::value).containsExactly("allow-cluster-create",
        "allow-instance-pool-create", "databricks-sql-access", "workspace-access", "workspace-consume");
  }

  @Test
  void fromValue_unknownOrDifferentCase_isEmpty() {
    assertThat(Entitlement.fromValue("future-entitlement")).isEmpty();
    assertThat(Entitlement.fromValue("Workspace-Access")).isEmpty();
    assertThat(Entitlement.fromValue("WORKSPACE_ACCESS")).isEmpty();
  }

  @Test
  void toComplexValue_databricksSqlAccess_writesValueOnly() {
    assertThat(ScimJson.write(Entitlement.DATABRICKS_SQL_ACCESS.toComplexValue()))
        .isEqualTo("{\"value\":\"databricks-sql-access\"}");
  }
}
