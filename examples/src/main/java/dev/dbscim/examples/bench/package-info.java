/**
 * JMH benchmarks for scim-core, run by the {@code bench} Maven profile: {@code mvn -B -Pbench -pl examples -am verify
 * -DskipTests}. Never part of a plain {@code mvn verify}.
 */
package dev.dbscim.examples.bench;
