package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

/** Name, Email, ComplexValue, EnterpriseUser and Manager: factories, withers and lossless reading. */
class ComplexValuesTest {
  @Test
  void of_name_setsGivenAndFamilyName() {
    assertThat(ScimJson.write(Name.of("Ada", "Lovelace"))).isEqualTo("{\"familyName\":\"Lovelace\",\"givenName\":\"Ada\"}");
  }

  @Test
  void read_nameWithAllComponentsAndUnknown_roundTrips() {
    String json = "{\"formatted\":\"Ms. Ada B. Lovelace III\",\"familyName\":\"Lovelace\",\"givenName\":\"Ada\","
        + "\"middleName\":\"B.\",\"honorificPrefix\":\"Ms.\",\"honorificSuffix\":\"III\",\"phonetic\":\"a-da\"}";

    Name name = ScimJson.read(json, Name.class);

    assertThat(name.middleName()).hasValue("B.");
    assertThat(name.additionalAttributes()).containsOnlyKeys("phonetic");
    assertThat(ScimJson.write(name)).isEqualTo(json);
  }

  @Test
  void withPrimary_email_returnsModifiedCopy() {
    Email work = Email.of("work", "ada@example.com");

    Email primary = work.withPrimary(true);

    assertThat(primary.primary()).hasValue(true);
    assertThat(work.primary()).isEmpty();
    assertThat(ScimJson.write(primary)).isEqualTo("{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true}");
  }

  @Test
  void read_emailWithUnknownSubAttribute_keepsIt() {
    Email email = ScimJson.read("{\"value\":\"a@b.c\",\"verified\":true}", Email.class);

    assertThat(email.additionalAttributes()).containsOnlyKeys("verified");
    assertThat(ScimJson.write(email)).isEqualTo("{\"value\":\"a@b.c\",\"verified\":true}");
  }

  @Test
  void of_complexValue_writesValueOnly() {
    assertThat(ScimJson.write(ComplexValue.of("101"))).isEqualTo("{\"value\":\"101\"}");
  }

  @Test
  void read_complexValueAllAttributes_mapsDollarRefToRef() {
    ComplexValue value = ScimJson.read(
        "{\"display\":\"group1\",\"type\":\"direct\",\"value\":\"111\",\"$ref\":\"Groups/111\",\"primary\":false}",
        ComplexValue.class);

    assertThat(value.ref()).hasValue("Groups/111");
    assertThat(value.primary()).hasValue(false);
    assertThat(value.additionalAttributes()).isEmpty();
    assertThat(ScimJson.write(value))
        .isEqualTo("{\"value\":\"111\",\"display\":\"group1\",\"type\":\"direct\",\"primary\":false,\"$ref\":\"Groups/111\"}");
  }

  @Test
  void read_complexValueKeyNamedRef_isUnknownNotDollarRef() {
    ComplexValue value = ScimJson.read("{\"value\":\"1\",\"ref\":\"x\"}", ComplexValue.class);

    assertThat(value.ref()).isEmpty();
    assertThat(value.additionalAttributes()).containsOnlyKeys("ref");
  }

  @Test
  void read_enterpriseUser_mapsManagerAndKeepsUnknown() {
    String json = "{\"employeeNumber\":\"701984\",\"costCenter\":\"4130\",\"organization\":\"Universal Studios\","
        + "\"division\":\"Theme Park\",\"department\":\"Tour Operations\",\"manager\":{\"value\":\"2611\","
        + "\"displayName\":\"John Smith\",\"$ref\":\"Users/2611\",\"email\":\"j@x\"},\"badge\":7}";

    EnterpriseUser enterprise = ScimJson.read(json, EnterpriseUser.class);

    assertThat(enterprise.manager().flatMap(Manager::ref)).hasValue("Users/2611");
    assertThat(enterprise.manager().get().additionalAttributes()).containsOnlyKeys("email");
    assertThat(enterprise.additionalAttributes()).containsOnlyKeys("badge");
    assertThat(ScimJson.write(enterprise)).isEqualTo(json);
  }

  @Test
  void toBuilder_eachValueType_rebuildsEqualValue() {
    Email email = Email.of("work", "a@b.c").withPrimary(true);
    Name name = Name.of("A", "B");
    ComplexValue value = ComplexValue.builder().value("1").type("direct").build();
    Manager manager = Manager.of("9");
    EnterpriseUser enterprise = EnterpriseUser.builder().department("D").manager(manager).build();
    Meta meta = Meta.ofResourceType("Group");

    assertThat(email.toBuilder().build()).isEqualTo(email);
    assertThat(name.toBuilder().build()).isEqualTo(name);
    assertThat(value.toBuilder().build()).isEqualTo(value);
    assertThat(manager.toBuilder().build()).isEqualTo(manager);
    assertThat(enterprise.toBuilder().build()).isEqualTo(enterprise);
    assertThat(meta.toBuilder().build()).isEqualTo(meta);
    assertThat(value.toBuilder().type("indirect").build()).isNotEqualTo(value);
  }
}
