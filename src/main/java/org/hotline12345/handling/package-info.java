/**
 * Handling: the unit works the order and replies within its deadline, the centre reviews the reply
 * and sends it back when unfit, and an unsatisfied citizen gets the order handled again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handling")
package org.hotline12345.handling;
