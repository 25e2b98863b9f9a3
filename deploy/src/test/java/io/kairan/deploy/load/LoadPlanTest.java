package io.kairan.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.deploy.cli.Tool;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.MunicipalityCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadPlanTest {
  private static LoadPlan parse(String... args) {
    ClusterLoad command = new ClusterLoad();
    new CommandLine(command).parseArgs(args);
    return command.plan();
  }

  @Test
  void byDefaultAMillionResidentsBothShapesAtParallelismOneThenTwo() {
    LoadPlan plan = parse();

    assertThat(plan.residents()).isEqualTo(1_000_000);
    assertThat(plan.shapes()).containsExactly(LoadShape.ONE, LoadShape.MANY);
    assertThat(plan.parallelisms()).containsExactly(1, 2);
    assertThat(plan.noticeRate()).isEqualTo(10.0);
    assertThat(plan.notices()).isEqualTo(600);
  }

  @Test
  void theOptionsAreTakenAsGiven() {
    LoadPlan plan =
        parse(
            "--residents",
            "200000",
            "--notice-rate",
            "2.5",
            "--notices",
            "30",
            "--shape",
            "many",
            "--parallelism",
            "2,1",
            "--checkpoint-interval-ms",
            "5000");

    assertThat(plan)
        .isEqualTo(new LoadPlan(200_000, 2.5, 30, List.of(LoadShape.MANY), List.of(2, 1), 5000, 1));
  }

  @Test
  void theOneCitysNoticesRotateOverAPublisherPerTwentyNoticesASecond() {
    // The API allows a client 40 writes a second; 45/s over 3 identities is 15 each.
    assertThat(parse("--notice-rate", "45").publishers()).isEqualTo(3);
    assertThat(parse("--notice-rate", "20").publishers()).isEqualTo(1);
    assertThat(LoadShape.ONE.publisherOf(4, 3)).isEqualTo("load-publisher-1");
  }

  @Test
  void badValuesAreRefusedByName() {
    assertThatThrownBy(() -> parse("--parallelism", "1,5")).hasMessageContaining("--parallelism");
    assertThatThrownBy(() -> parse("--parallelism", "1,1")).hasMessageContaining("twice");
    assertThatThrownBy(() -> parse("--parallelism", "one")).hasMessageContaining("--parallelism");
    assertThatThrownBy(() -> parse("--shape", "few")).hasMessageContaining("--shape");
    assertThatThrownBy(() -> parse("--notice-rate", "0")).hasMessageContaining("--notice-rate");
    assertThatThrownBy(() -> parse("--notices", "0")).hasMessageContaining("--notices");
    assertThatThrownBy(() -> parse("--residents", "0")).hasMessageContaining("--residents");
    assertThatThrownBy(() -> parse("--residents", "100", "--shape", "many"))
        .hasMessageContaining("125 municipalities");
  }

  @Test
  void aBadValueExitsWithTheUsageCodeBeforeAnyClusterStarts() {
    var err = new ByteArrayOutputStream();
    int code =
        Tool.run(
            new ClusterLoad(),
            new String[] {"--shape", "few"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(Tool.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shape takes one, many or both");
  }

  @Test
  void manyMunicipalitiesAre125ValidCodesFromTheDemoCitysOn() {
    List<String> codes = LoadShape.MANY.municipalityCodes();

    assertThat(codes).hasSize(125).doesNotHaveDuplicates().startsWith("072028");
    assertThat(codes).allMatch(MunicipalityCode::isValid);
  }

  @Test
  void theOneCitysNoticesGoToItsDistrictsInTurnAndTheManysToAWholeMunicipality() {
    var now = java.time.Instant.parse("2026-11-26T00:00:00Z");
    List<String> districts = List.of("北会津町", "河東町");

    assertThat(LoadShape.ONE.notice(3, districts, now).audience())
        .isEqualTo(new Audience.InDistrict(List.of("河東町")));
    var many = LoadShape.MANY.notice(126, districts, now);
    assertThat(many.municipalityCode()).isEqualTo(LoadShape.MANY.municipalityCodes().get(1));
    assertThat(many.audience()).isEqualTo(new Audience.Everyone());
  }

  @Test
  void manySpreadsTheResidentsRoundRobinOverItsMunicipalities() throws Exception {
    var towns = List.of(new io.kairan.deploy.demo.Town("栄町", "栄町", 37.49, 139.93));
    var residents =
        LoadShape.MANY.residents(towns, 250, java.time.Instant.parse("2026-11-27T00:00:00Z"));

    assertThat(residents.get(0).municipalityCode()).isEqualTo("072028");
    assertThat(residents.get(126).municipalityCode())
        .isEqualTo(LoadShape.MANY.municipalityCodes().get(1));
    assertThat(residents.stream().filter(r -> r.municipalityCode().equals("072028"))).hasSize(2);
  }
}
