/**
 * A fake of the Google Admin SDK Directory API and Google's OAuth token endpoint for tests of Google directory
 * sources: {@link dev.dbscim.testkit.google.FakeGoogleDirectory}.
 */
package dev.dbscim.testkit.google;
