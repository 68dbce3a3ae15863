/**
 * Test support shared with the other modules through credit-core's test-jar: {@link
 * org.creditkit.core.testsupport.HeadlessChromium} renders report pages in headless Chromium (DOM,
 * script errors, screenshots).
 */
package org.creditkit.core.testsupport;
