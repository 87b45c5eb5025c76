package org.hotline12345;

import java.util.HashMap;
import java.util.Map;

/** Requests to the intake API as tests send them. */
public final class IntakeRequests {

  private IntakeRequests() {}

  /**
   * A phone call from 张三 in Saertu, as a hotline agent registers it; mutable, to change a field.
   */
  public static Map<String, Object> phoneCall(String type, String category) {
    Map<String, Object> request = new HashMap<>();
    request.put("channel", "PHONE");
    request.put("callerName", "张三");
    request.put("phone", TestPhones.unique());
    request.put("district", "SAERTU");
    request.put("type", type);
    request.put("category", category);
    request.put("content", "市民来电反映的诉求内容");
    return request;
  }
}
