package io.kairan.ingest.opendata;

import java.util.List;
import java.util.Map;

/**
 * Where each field sits in one of the two event-list layouts, by header name: the 50-column
 * catalogue layout (NO, 名称, 開始時刻 …) and the 79-column layout (ID, イベント名, 開始時間 …).
 */
record EventLayout(
    String name,
    String id,
    String municipality,
    String title,
    String summary,
    String description,
    String kind,
    List<String> url,
    String startDate,
    String endDate,
    String startTime,
    String endTime,
    String place,
    String lat,
    String lon,
    String target) {

  static final EventLayout CATALOGUE_50 =
      new EventLayout(
          "50-column",
          "NO",
          "都道府県コード又は市区町村コード",
          "名称",
          "概要",
          "説明",
          "イベント種類",
          List.of("URL"),
          "開始日",
          "終了日",
          "開始時刻",
          "終了時刻",
          "場所名称",
          "緯度",
          "経度",
          "対象者");

  static final EventLayout STANDARD_79 =
      new EventLayout(
          "79-column",
          "ID",
          "全国地方公共団体コード",
          "イベント名",
          "概要",
          "説明",
          "イベント種類",
          List.of("コンテンツURL", "URL"),
          "開始日",
          "終了日",
          "開始時間",
          "終了時間",
          "場所名称",
          "緯度",
          "経度",
          "対象者");

  /** The layout whose key columns the header has. */
  static EventLayout detect(Map<String, Integer> header) {
    if (header.containsKey("イベント名") && header.containsKey("ID")) {
      return STANDARD_79;
    }
    if (header.containsKey("名称") && header.containsKey("NO")) {
      return CATALOGUE_50;
    }
    throw new IllegalArgumentException(
        "the header is neither event-list layout (it needs NO and 名称, or ID and イベント名)");
  }
}
