package org.hotline12345.intake;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.ApiCaller;
import org.hotline12345.security.AsSystem;
import org.hotline12345.workorder.WorkOrderView;
import org.hotline12345.workorder.WorkOrders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The intake API: outside channels register requests and follow their work orders by number. */
@RestController
@RequestMapping("/api/work-orders")
class WorkOrderController {

  private static final Pattern NUMBER = Pattern.compile("\\d{8}-\\d{6,9}");

  private final IntakeService intake;
  private final WorkOrders workOrders;
  private final IdentityService identity;

  WorkOrderController(IntakeService intake, WorkOrders workOrders, IdentityService identity) {
    this.intake = intake;
    this.workOrders = workOrders;
    this.identity = identity;
  }

  /**
   * 201 with the new order; 200 with the first order when the channel's {@code externalId} was seen
   * before.
   */
  @PostMapping
  ResponseEntity<WorkOrderView> register(
      @RequestBody IntakeRequest request, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    if (caller.isChannel()
        && request.channel() != null
        && !caller.channel().equals(request.channel())) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "此密钥属于 " + caller.channel() + " 渠道，不能提交 " + request.channel() + " 渠道的诉求");
    }
    if (!caller.isChannel() && !caller.isIn(Roles.HOTLINE_AGENTS) && !caller.isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有话务员和渠道可以登记诉求");
    }
    IntakeService.Registration registration = intake.register(request);
    WorkOrderView order = registration.workOrder();
    URI location = URI.create("/api/work-orders/" + order.number());
    return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(location)
        .body(order);
  }

  @GetMapping("/{number}")
  WorkOrderView find(
      @PathVariable String number, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    if (!NUMBER.matcher(number).matches()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "工单编号格式应为 日期-序号，例如 20261121-000042");
    }
    // A channel follows only the orders it registered; staff see what the engine lets them read,
    // and a unit (or its leaders) its own closed orders, whose grants ended with them.
    return workOrders
        .find(number)
        .or(
            () ->
                caller.isChannel() ? Optional.empty() : closedOrderOfTheCallersUnit(number, caller))
        .filter(order -> !caller.isChannel() || caller.channel().equals(order.channel()))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + number + " 的工单"));
  }

  private Optional<WorkOrderView> closedOrderOfTheCallersUnit(String number, ApiCaller caller) {
    return AsSystem.call(identity, () -> workOrders.find(number))
        .filter(order -> WorkOrderView.CLOSED.equals(order.status()) && order.unit() != null)
        .filter(order -> caller.isIn(order.unit()) || caller.isIn(Units.leadersOf(order.unit())));
  }
}
