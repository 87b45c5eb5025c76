package org.hotline12345.escalation;

import java.util.Map;
import java.util.Optional;
import org.hotline12345.organisation.Roles;
import org.hotline12345.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Supervisors open supervision on an order: {@code POST /api/work-orders/{number}/supervision}. */
@RestController
class SupervisionController {

  record Opening(String reason) {}

  private final OrderSupervisions supervisions;

  SupervisionController(OrderSupervisions supervisions) {
    this.supervisions = supervisions;
  }

  @PostMapping("/api/work-orders/{number}/supervision")
  ResponseEntity<Map<String, String>> open(
      @PathVariable String number,
      @RequestBody Opening opening,
      @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    if (caller.isChannel() || !caller.isIn(Roles.SUPERVISORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督办员可以开启督办");
    }
    if (opening.reason() == null || opening.reason().isBlank() || opening.reason().length() > 500) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reason: 必填，且不能超过 500 个字符");
    }
    Optional<OrderSupervisions.Refusal> refusal =
        supervisions.open(number, opening.reason(), caller.userId());
    if (refusal.isPresent()) {
      throw switch (refusal.get()) {
        case NO_SUCH_ORDER ->
            new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + number + " 的工单");
        case ALREADY_CLOSED -> new ResponseStatusException(HttpStatus.CONFLICT, "工单已办结，无需督办");
        case ALREADY_SUPERVISED -> new ResponseStatusException(HttpStatus.CONFLICT, "工单已在督办中");
      };
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("number", number, "status", "SUPERVISED"));
  }
}
