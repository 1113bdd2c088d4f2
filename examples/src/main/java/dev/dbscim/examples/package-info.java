/**
 * Runnable programs and benchmarks built on dbscim.
 */
package dev.dbscim.examples;
