package io.kairan.deploy.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 大字・町丁目 of the city. Its district is the former village it belongs to (北会津町, 河東町…) or, in the
 * old town centre, its 大字 name.
 */
public record Town(String name, String district, double lat, double lon) {

  /** Reads aizuwakamatsu_towns.csv (Geolonia, CC BY 4.0; see samples/README.md). */
  public static List<Town> load(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<Town> towns = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      // row_id,town,chome,oaza_base,former_village_prefix,postal_code,postal_town,postal_kana,lat,lon
      String district = f[4].isBlank() ? f[3] : f[4];
      towns.add(new Town(f[1], district, Double.parseDouble(f[8]), Double.parseDouble(f[9])));
    }
    return towns;
  }
}
