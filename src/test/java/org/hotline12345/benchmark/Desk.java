package org.hotline12345.benchmark;

import java.util.List;
import org.hotline12345.organisation.Units;

/**
 * A unit's desk and the kind of request that reaches it straight from the routing table: a
 * complaint that is neither urgent nor a livelihood request (so no leader's instruction and no
 * next-morning call, whatever the hour of the run), worked by the unit's demo user.
 */
record Desk(String unit, String user, String category, String district, String content) {

  /** The four desks the benchmark's orders go to, in turn. */
  static final List<Desk> ALL =
      List.of(
          new Desk(Units.WATER, "water1", "WATER_SUPPLY", "RANGHULU", "自来水发黄有异味，已持续三天。"),
          new Desk(Units.HEATING, "heating1", "HEATING", "SAERTU", "家中暖气温度偏低，室温不到十六度。"),
          new Desk(
              Units.DISTRICT_SAERTU, "saertu1", "ROAD_FACILITIES", "SAERTU", "小区门口路灯损坏，夜间出行不便。"),
          new Desk(Units.DISTRICT_RANGHULU, "ranghulu1", "NOISE", "RANGHULU", "附近工地夜间施工噪声扰民。"));

  /** The desk whose Tasklist page is timed. */
  static final Desk MEASURED = ALL.get(2);

  static Desk of(int index) {
    return ALL.get(Math.floorMod(index, ALL.size()));
  }
}
