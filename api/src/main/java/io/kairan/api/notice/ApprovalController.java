package io.kairan.api.notice;

import io.kairan.api.approval.Approval;
import io.kairan.api.security.PublisherToken;
import io.kairan.api.security.Role;
import io.kairan.model.notice.PublisherKind;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/v1/approvals (the firms' notices waiting in the caller's municipality), POST
 * /api/v1/approvals/{id}/approve and /reject (body {"reason": …}). Departments decide for the
 * municipality their token names ({@value Role#MUNICIPALITY_CLAIM}), operators too; a firm never
 * decides, not even on another firm's notice.
 */
@RestController
class ApprovalController {
  private final NoticeApprovals approvals;

  ApprovalController(NoticeApprovals approvals) {
    this.approvals = approvals;
  }

  @GetMapping("/api/v1/approvals")
  List<Approval> queue(Authentication caller) {
    return approvals.queue(approver(caller));
  }

  @PostMapping("/api/v1/approvals/{id}/approve")
  Approval approve(Authentication caller, @PathVariable String id) {
    return approvals.approve(approver(caller), id);
  }

  @PostMapping("/api/v1/approvals/{id}/reject")
  Approval reject(
      Authentication caller,
      @PathVariable String id,
      @RequestBody(required = false) NoticeApprovals.Rejection rejection) {
    return approvals.reject(approver(caller), id, rejection);
  }

  /**
   * An operator, or a department (a token that is exactly that publisher kind); either must name
   * its municipality.
   */
  static NoticeApprovals.Approver approver(Authentication caller) {
    Jwt token = (Jwt) caller.getPrincipal();
    if (!Role.OPERATOR.heldBy(caller)
        && PublisherToken.of(caller).publisher().kind() != PublisherKind.DEPARTMENT) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Only a department or an operator approves notices; a firm cannot.");
    }
    return new NoticeApprovals.Approver(
        token.getSubject(), Role.municipalityOf(caller, "decide for"));
  }
}
