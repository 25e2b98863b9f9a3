package io.kairan.deploy.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The notice stream's figures: deliveries per second out of the job (their count over the time from
 * the first delivery of the stream to its last, by the records' times), and per notice the time
 * from the API's answer to its first and to its last delivery. A delivery written before the API's
 * answer reached the client counts as 0 ms.
 *
 * @param undelivered accepted notices without any delivery when the stream was over
 */
record StreamFigures(
    int accepted,
    int undelivered,
    long deliveries,
    double deliverySeconds,
    LatencySummary first,
    LatencySummary last) {

  double deliveriesPerSecond() {
    return deliverySeconds <= 0 ? 0 : deliveries / deliverySeconds;
  }

  static StreamFigures of(
      List<NoticeStream.Accepted> accepted, Function<String, DeliveryFollower.Span> spans) {
    var first = LatencySummary.histogram();
    var last = LatencySummary.histogram();
    long deliveries = 0;
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    int undelivered = 0;
    for (NoticeStream.Accepted notice : accepted) {
      DeliveryFollower.Span span = spans.apply(notice.noticeId());
      if (span == null) {
        undelivered++;
        continue;
      }
      first.recordValue(Math.max(0, span.firstMs() - notice.acceptedMs()));
      last.recordValue(Math.max(0, span.lastMs() - notice.acceptedMs()));
      deliveries += span.count();
      from = Math.min(from, span.firstMs());
      to = Math.max(to, span.lastMs());
    }
    double seconds = deliveries == 0 ? 0 : (to - from) / 1000.0;
    return new StreamFigures(
        accepted.size(),
        undelivered,
        deliveries,
        seconds,
        LatencySummary.of(first),
        LatencySummary.of(last));
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("acceptedNotices", accepted);
    json.put("undeliveredNotices", undelivered);
    json.put("deliveries", deliveries);
    json.put("deliverySeconds", deliverySeconds);
    json.put("deliveriesPerSecond", Math.round(deliveriesPerSecond() * 10) / 10.0);
    json.put("acceptToFirstDelivery", first.json());
    json.put("acceptToLastDelivery", last.json());
    return json;
  }
}
