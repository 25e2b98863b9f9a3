package io.kairan.api.notice;

import io.kairan.api.coverage.CoverageReader;
import io.kairan.api.coverage.NoticeCoverage;
import io.kairan.api.coverage.OperatorAccessLog;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
import io.kairan.api.security.PublisherToken;
import io.kairan.api.security.Role;
import io.kairan.model.Problems;
import io.kairan.model.notice.Notice;
import io.kairan.model.text.SafeText;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a notice reached: counts by district for its publisher and for operators of its municipality;
 * the residents not reached, for an operator who states why they need them (the city's phone tree,
 * 防災無線 announcements, 民生委員), each request recorded.
 */
@RestController
class CoverageController {
  private final NoticeWrites writes;
  private final NoticeLedger ledger;
  private final CoverageReader coverage;
  private final OperatorAccessLog accessLog;

  CoverageController(
      NoticeWrites writes,
      NoticeLedger ledger,
      CoverageReader coverage,
      OperatorAccessLog accessLog) {
    this.writes = writes;
    this.ledger = ledger;
    this.coverage = coverage;
    this.accessLog = accessLog;
  }

  @GetMapping("/api/v1/notices/{id}/coverage")
  NoticeCoverage coverage(Authentication caller, @PathVariable String id) {
    if (Role.OPERATOR.heldBy(caller)) {
      operatorsNotice(caller, id);
    } else {
      importantOrEmergency(writes.owned(PublisherToken.of(caller).publisher().id(), id));
    }
    return coverage.coverage(id);
  }

  /** Why an operator needs the list: said in words, kept with the record of the access. */
  record Purpose(String purpose) {}

  /** The list as answered, with the record of the access. */
  record NotReachedList(
      String noticeId,
      String purpose,
      Instant recordedAt,
      List<CoverageReader.NotReached> residents) {}

  @PostMapping("/api/v1/notices/{id}/coverage/not-reached")
  NotReachedList notReached(
      Authentication caller, @PathVariable String id, @RequestBody Purpose body) {
    String purpose = body == null ? null : body.purpose();
    new Problems()
        .notBlank(purpose, "purpose")
        .require(
            purpose == null || purpose.strip().length() >= 10,
            "purpose",
            "say what the list is for, in 10 characters or more")
        .maxLength(purpose, 500, "purpose")
        .require(purpose == null || !SafeText.hasMarkup(purpose), "purpose", "must be plain text")
        .require(
            purpose == null || purpose.chars().noneMatch(Character::isISOControl),
            "purpose",
            "must be one line of text")
        .throwIfAny();
    String municipality = operatorsNotice(caller, id);
    List<CoverageReader.NotReached> residents = coverage.notReached(id);
    var access =
        accessLog.record(
            ((Jwt) caller.getPrincipal()).getSubject(),
            municipality,
            id,
            purpose.strip(),
            residents.size());
    return new NotReachedList(id, access.purpose(), access.at(), residents);
  }

  /** Coverage is for notices no eligible resident may miss; the residents' ids all the more. */
  private static void importantOrEmergency(Notice notice) {
    if (notice.severity() == io.kairan.model.notice.Severity.INFO) {
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.CONFLICT,
          "Coverage is counted for important and emergency notices; notice "
              + notice.id()
              + " is for information.");
    }
  }

  /** The operator's municipality, when the notice is for it: else 404 (none) or 403. */
  private String operatorsNotice(Authentication caller, String id) {
    String municipality = Role.municipalityOf(caller, "operate for");
    if (!ledger.isCaughtUp()) {
      throw new LedgerNotReadyException();
    }
    Notice notice = ledger.current(id).orElseThrow(() -> new NotFoundException("no notice " + id));
    if (!notice.municipalityCode().equals(municipality)) {
      throw new NotYoursException(
          "notice " + id + " is for municipality " + notice.municipalityCode());
    }
    importantOrEmergency(notice);
    return municipality;
  }
}
