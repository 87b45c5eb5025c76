/**
 * Signing: the unit signs for the order within its limit (30 minutes urgent, 4 hours otherwise, day
 * and night); a late signature is recorded and supervisors chase it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signing")
package org.hotline12345.signing;
