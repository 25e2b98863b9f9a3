package io.kairan.deploy.demo;

import io.kairan.api.demo.DemoSignIn;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.testkit.tokens.TokenIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local stack's demo sign-in (the API's {@code /demo/sign-in}): a newcomer who has not opted in
 * yet (a new subject each time, so each try starts at onboarding), the demo residents the launcher
 * loaded, and the default department, firm, analyst and operator; tokens from the stack's own
 * identity provider, the same as {@code deploy/token.sh} mints.
 */
public final class DemoAccounts implements DemoSignIn {
  /** The id of the "new resident" account; each sign-in names a new {@code newcomer-N}. */
  public static final String NEWCOMER = "newcomer";

  private static final int MAX_RESIDENTS = 5;

  private final TokenIssuer tokens;
  private final AtomicInteger newcomers = new AtomicInteger();
  private final List<DemoAccount> residents = new CopyOnWriteArrayList<>();

  public DemoAccounts(TokenIssuer tokens) {
    this.tokens = tokens;
  }

  /** Offers a few of the loaded residents (the first of each district, at most five). */
  public void offer(List<ResidentProfile> loaded) {
    Map<String, ResidentProfile> byDistrict = new java.util.LinkedHashMap<>();
    for (ResidentProfile r : loaded) {
      byDistrict.putIfAbsent(r.district(), r);
    }
    byDistrict.values().stream()
        .limit(MAX_RESIDENTS)
        .forEach(
            r ->
                residents.add(
                    new DemoAccount(
                        r.id(),
                        DemoTokens.RESIDENT.name(),
                        r.id()
                            + "（"
                            + r.district()
                            + "・"
                            + r.birthYear()
                            + "年生まれ"
                            + (r.childrenBirthYears().isEmpty() ? "" : "・子どもあり")
                            + "）")));
  }

  @Override
  public List<DemoAccount> accounts() {
    List<DemoAccount> all = new ArrayList<>();
    all.add(
        new DemoAccount(
            NEWCOMER, DemoTokens.RESIDENT.name(), "新しい住民として始める (Start as a new resident)"));
    all.addAll(residents);
    all.add(staff(DemoTokens.DEPARTMENT, "市の担当課 (City department)"));
    all.add(staff(DemoTokens.FIRM, "地元の事業者 (Local firm)"));
    all.add(staff(DemoTokens.ANALYST, "分析担当 (Analyst)"));
    all.add(staff(DemoTokens.OPERATOR, "市の運用担当 (City operator)"));
    return all;
  }

  private static DemoAccount staff(DemoTokens kind, String what) {
    return new DemoAccount(kind.defaultId, kind.name(), what + " — " + kind.defaultId);
  }

  @Override
  public Optional<DemoToken> signIn(String accountId) {
    if (NEWCOMER.equals(accountId)) {
      String subject = NEWCOMER + "-" + newcomers.incrementAndGet();
      return Optional.of(token(DemoTokens.RESIDENT, subject));
    }
    return accounts().stream()
        .filter(a -> a.id().equals(accountId))
        .findFirst()
        .map(a -> token(DemoTokens.valueOf(a.role()), a.id()));
  }

  private DemoToken token(DemoTokens kind, String subject) {
    String token =
        kind == DemoTokens.RESIDENT ? kind.mint(tokens, subject, null) : kind.mint(tokens);
    return new DemoToken(token, subject, kind.name());
  }
}
