package org.hotline12345.intake;

import java.util.List;
import java.util.regex.Pattern;
import org.hotline12345.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators maintain the special-service list: {@code /api/admin/special-service-callers}. */
@RestController
@RequestMapping("/api/admin/special-service-callers")
class SpecialServiceController {

  private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

  record NewEntry(String phone, String reason) {}

  private final SpecialServiceList list;

  SpecialServiceController(SpecialServiceList list) {
    this.list = list;
  }

  @PostMapping
  ResponseEntity<SpecialServiceList.Entry> add(
      @RequestBody NewEntry entry, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    if (entry.phone() == null || !PHONE.matcher(entry.phone()).matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "phone: 应为手机号或固定电话");
    }
    if (entry.reason() == null || entry.reason().isBlank() || entry.reason().length() > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reason: 必填，且不能超过 100 个字符");
    }
    boolean added = list.add(entry.phone(), entry.reason(), caller.userId());
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new SpecialServiceList.Entry(entry.phone(), entry.reason(), caller.userId()));
  }

  @GetMapping
  List<SpecialServiceList.Entry> all(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    return list.all();
  }

  @DeleteMapping("/{phone}")
  ResponseEntity<Void> remove(
      @PathVariable String phone, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    if (!list.remove(phone)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "名单中没有 " + phone);
    }
    return ResponseEntity.noContent().build();
  }

  private static void requireAdministrator(ApiCaller caller) {
    if (!caller.isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有管理员可以维护特服名单");
    }
  }
}
