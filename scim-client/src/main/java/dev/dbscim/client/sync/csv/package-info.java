/**
 * A {@link dev.dbscim.client.sync.DirectorySource} reading the desired directory from CSV files:
 * {@link dev.dbscim.client.sync.csv.CsvDirectorySource}.
 */
package dev.dbscim.client.sync.csv;
