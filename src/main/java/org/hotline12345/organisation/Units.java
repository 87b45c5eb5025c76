package org.hotline12345.organisation;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The directory of handling units (承办单位): departments, districts and utilities that sign and handle
 * work orders. A unit is a Camunda group of type {@value #GROUP_TYPE}, so the directory is whatever
 * Camunda Admin holds, not a list in code; the constants name the demo units that tests and the
 * demo routing table use.
 */
@Component
public class Units {

  public static final String GROUP_TYPE = "UNIT";

  /** The group type of a unit's leaders, who instruct on urgent orders (即时批办). */
  public static final String LEADERS_GROUP_TYPE = "UNIT_LEADERS";

  /** A unit's leaders group is the unit's id followed by this, e.g. {@code unitWaterLeaders}. */
  public static final String LEADERS_SUFFIX = "Leaders";

  public static final String HRSS = "unitHrss";
  public static final String MEDICAL_SECURITY = "unitMedicalSecurity";
  public static final String HOUSING_FUND = "unitHousingFund";
  public static final String WATER = "unitWater";
  public static final String HEATING = "unitHeating";
  public static final String DISTRICT_SAERTU = "districtSaertu";
  public static final String DISTRICT_RANGHULU = "districtRanghulu";

  private final IdentityService identityService;

  public Units(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether the group exists and is a handling unit. */
  public boolean isUnit(String groupId) {
    return groupId != null && find(groupId).isPresent();
  }

  /** The unit's name (e.g. 市供水公司), empty if the group is not a unit. */
  public Optional<String> nameOf(String groupId) {
    return groupId == null ? Optional.empty() : find(groupId).map(Group::getName);
  }

  /** Every handling unit, ordered by id. */
  public List<Unit> all() {
    return identityService
        .createGroupQuery()
        .groupType(GROUP_TYPE)
        .orderByGroupId()
        .asc()
        .list()
        .stream()
        .map(group -> new Unit(group.getId(), group.getName()))
        .toList();
  }

  private Optional<Group> find(String groupId) {
    return Optional.ofNullable(
        identityService.createGroupQuery().groupId(groupId).groupType(GROUP_TYPE).singleResult());
  }

  /** The group of {@code unit}'s leaders. */
  public static String leadersOf(String unit) {
    return unit + LEADERS_SUFFIX;
  }

  /** A handling unit: its Camunda group id and its name. */
  public record Unit(String id, String name) {}
}
