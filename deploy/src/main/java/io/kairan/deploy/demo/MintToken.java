package io.kairan.deploy.demo;

import io.kairan.deploy.cli.Tool;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * deploy/token.sh: a token for anyone on the running local stack, signed (RS256) with the key of
 * the stack's identity provider, whose file local-stack.env names. Prints the token alone, so
 * {@code $(deploy/token.sh …)} works.
 */
@Command(
    name = "deploy/token.sh",
    customSynopsis = {
      "deploy/token.sh resident <resident-id>",
      "       deploy/token.sh department [<id> [<name>]]",
      "       deploy/token.sh firm [<id> [<name>]]",
      "       deploy/token.sh analyst [<id>]",
      "       deploy/token.sh operator [<id>]"
    },
    description = {
      "A token for anyone on the running local stack, signed with its identity provider's key;"
          + " prints the token alone. Any resident id, e.g. r-000042 (deploy/residents.sh lists"
          + " them).",
      "Defaults: department aizuwakamatsu-city (会津若松市役所),",
      "          firm aizu-shoten (会津商店), analyst city-analytics, operator city-operations."
    })
public final class MintToken implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "resident, department, firm, analyst or operator")
  String kind;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "whose token")
  String id;

  @Parameters(index = "2", arity = "0..1", paramLabel = "NAME", description = "a publisher's name")
  String name;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new MintToken(), args);
  }

  @Override
  public Integer call() throws Exception {
    Request request = Request.parse(kind, id, name);
    LocalStackEnv env = LocalStackEnv.read(LocalStackEnv.path());
    System.out.println(
        request.mint(
            LocalIdentityProvider.tokensFromKeyFile(
                Path.of(env.signingKey()), env.issuer(), env.audience())));
    return Tool.DONE;
  }

  /** Who the token is for, from the command line. */
  record Request(DemoTokens kind, String id, String name) {
    static Request parse(String kindWord, String idWord, String name) {
      DemoTokens kind;
      try {
        kind = DemoTokens.parse(kindWord);
      } catch (IllegalArgumentException e) {
        throw new Tool.UsageException("no kind " + kindWord);
      }
      String id = idWord != null ? idWord : kind.defaultId;
      if (id == null) {
        throw new Tool.UsageException("a resident token needs the resident's id");
      }
      if (kind == DemoTokens.RESIDENT && !id.matches("r-\\d{6}")) {
        // Still minted: a resident who registered through the API may have any id.
        System.err.println("note: " + id + " is not a demo resident id (r-000000 …)");
      }
      return new Request(kind, id, name);
    }

    String mint(TokenIssuer issuer) {
      return kind.mint(issuer, id, name);
    }
  }
}
