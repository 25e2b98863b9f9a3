package io.kairan.api.notice;

import io.kairan.api.approval.Approval;
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
 * municipality their token names ({@value PreviewController#MUNICIPALITY_CLAIM}), operators too; a
 * firm never decides, not even on another firm's notice.
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

  /** An operator, or a publisher whose token says DEPARTMENT; either must name its municipality. */
  static NoticeApprovals.Approver approver(Authentication caller) {
    Jwt token = (Jwt) caller.getPrincipal();
    boolean operator =
        caller.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.OPERATOR.name()));
    if (!operator && NoticeController.publisher(token).kind() != PublisherKind.DEPARTMENT) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Only a department or an operator approves notices; a firm cannot.");
    }
    String municipality = token.getClaimAsString(PreviewController.MUNICIPALITY_CLAIM);
    if (municipality == null || municipality.isBlank()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Your token does not say which municipality you decide for: its "
              + PreviewController.MUNICIPALITY_CLAIM
              + " claim must name it.");
    }
    return new NoticeApprovals.Approver(token.getSubject(), municipality);
  }
}
