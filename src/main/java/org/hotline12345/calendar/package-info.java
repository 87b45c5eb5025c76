/**
 * Time for the hotline: the zone the engine runs in and the one place every deadline is computed.
 * Counting in working days (China's holiday calendar) replaces the calendar-day counting here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.hotline12345.calendar;
