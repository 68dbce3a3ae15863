/**
 * Internals of credit-rules shared between its packages (strict JSON reading of parameters and
 * scenario files). <strong>Unsupported:</strong> these types are public only so that the other
 * credit-rules packages can use them; they may change or disappear in any release without notice.
 * Do not use them from outside creditkit.
 */
package org.creditkit.rules.internal;
