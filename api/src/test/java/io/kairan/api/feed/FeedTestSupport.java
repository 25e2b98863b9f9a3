package io.kairan.api.feed;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The feed's own beans, for slice tests of the whole API (FeedDeliveries is Elasticsearch's). */
@TestConfiguration
@Import({FeedReader.class, DigestReader.class, NoticeReader.class})
public class FeedTestSupport {}
