package io.kairan.deploy.demo;

import io.kairan.api.security.TokenIssuer;
import java.util.Set;

/**
 * deploy/token.sh: a token for anyone on the running local stack, signed with the secret the
 * launcher wrote to local-stack.env. Prints the token alone, so {@code $(deploy/token.sh …)} works.
 */
public final class MintToken {
  static final String USAGE =
      """
      usage: deploy/token.sh resident <resident-id>          e.g. r-000042 (deploy/residents.sh lists them)
             deploy/token.sh department [<id> [<name>]]      default aizuwakamatsu-city 会津若松市役所
             deploy/token.sh firm [<id> [<name>]]            default aizu-shoten 会津商店
             deploy/token.sh analyst [<id>]                  default city-analytics""";

  private MintToken() {}

  public static void main(String[] args) {
    CliArgs.run(
        USAGE,
        () -> {
          Request request = Request.parse(CliArgs.parse(args, Set.of(), Set.of()));
          LocalStackEnv env = LocalStackEnv.read(LocalStackEnv.path());
          System.out.println(request.mint(new TokenIssuer(env.jwtSecret(), env.issuer())));
        });
  }

  /** Who the token is for, from the command line. */
  record Request(DemoTokens kind, String id, String name) {
    static Request parse(CliArgs cli) {
      var words = cli.positional();
      if (words.isEmpty() || words.size() > 3) {
        throw new CliArgs.UsageException("which kind of token?");
      }
      DemoTokens kind;
      try {
        kind = DemoTokens.parse(words.get(0));
      } catch (IllegalArgumentException e) {
        throw new CliArgs.UsageException("no kind " + words.get(0));
      }
      String id = words.size() > 1 ? words.get(1) : kind.defaultId;
      if (id == null) {
        throw new CliArgs.UsageException("a resident token needs the resident's id");
      }
      if (kind == DemoTokens.RESIDENT && !id.matches("r-\\d{6}")) {
        // Still minted: a resident who registered through the API may have any id.
        System.err.println("note: " + id + " is not a demo resident id (r-000000 …)");
      }
      return new Request(kind, id, words.size() > 2 ? words.get(2) : null);
    }

    String mint(TokenIssuer issuer) {
      return kind.mint(issuer, id, name);
    }
  }
}
