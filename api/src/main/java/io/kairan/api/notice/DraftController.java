package io.kairan.api.notice;

import io.kairan.api.draft.SavedDraft;
import io.kairan.api.security.PublisherToken;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A publisher's drafts: save, read, change, discard, and publish as a post. */
@RestController
class DraftController {
  private final NoticeDrafts drafts;

  DraftController(NoticeDrafts drafts) {
    this.drafts = drafts;
  }

  @PostMapping("/api/v1/notices/drafts")
  ResponseEntity<SavedDraft> save(Authentication caller, @RequestBody NoticeDraft notice) {
    SavedDraft saved = drafts.save(publisherFor(caller, notice).publisher(), notice);
    return ResponseEntity.created(URI.create("/api/v1/notices/drafts/" + saved.id())).body(saved);
  }

  /** One's own drafts, last saved first. */
  @GetMapping("/api/v1/notices/drafts")
  List<SavedDraft> list(Authentication caller) {
    return drafts.of(PublisherToken.of(caller).publisher().id());
  }

  @GetMapping("/api/v1/notices/drafts/{id}")
  SavedDraft get(Authentication caller, @PathVariable String id) {
    return drafts.get(PublisherToken.of(caller).publisher().id(), id);
  }

  @PutMapping("/api/v1/notices/drafts/{id}")
  SavedDraft change(
      Authentication caller, @PathVariable String id, @RequestBody NoticeDraft notice) {
    return drafts.change(publisherFor(caller, notice).publisher().id(), id, notice);
  }

  @DeleteMapping("/api/v1/notices/drafts/{id}")
  ResponseEntity<Void> discard(Authentication caller, @PathVariable String id) {
    drafts.discard(PublisherToken.of(caller).publisher().id(), id);
    return ResponseEntity.noContent().build();
  }

  /**
   * Publishes a draft as a post would be: a department's notice at once (201), a firm's to wait for
   * approval (202). A draft with something missing is a problem naming it, and stays a draft.
   */
  @PostMapping("/api/v1/notices/drafts/{id}/publish")
  ResponseEntity<?> publish(Authentication caller, @PathVariable String id) {
    PublisherToken token = PublisherToken.of(caller);
    String municipality = drafts.get(token.publisher().id(), id).notice().municipalityCode();
    if (municipality != null) {
      token.mayPublishFor(municipality);
    }
    NoticeDrafts.Published published = drafts.publish(token.publisher().id(), id);
    if (published.approval() != null) {
      return ResponseEntity.accepted()
          .location(URI.create("/api/v1/notices/pending"))
          .body(published.approval());
    }
    return ResponseEntity.created(URI.create("/api/v1/notices/" + published.notice().id()))
        .eTag(Precondition.tagOf(published.notice()))
        .body(published.notice());
  }

  /** The caller, bound to the draft's municipality when it names one. */
  private static PublisherToken publisherFor(Authentication caller, NoticeDraft notice) {
    PublisherToken token = PublisherToken.of(caller);
    if (notice != null && notice.municipalityCode() != null) {
      token.mayPublishFor(notice.municipalityCode());
    }
    return token;
  }
}
