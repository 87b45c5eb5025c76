/**
 * The citizen's personal data (phone, name, ID number, address): kept out of the engine in the
 * application's own table, shown in full only to those who contact the citizen, and every such
 * showing recorded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.hotline12345.privacy;
