// Readiness probe used by scripts/neo4j-local: connects to the local server over
// Bolt with the official Neo4j Java driver (already part of the server's lib/),
// authenticates and runs `RETURN 1`, retrying until the server answers or
// WAIT_SECONDS have passed. Compiled once into .neo4j-local/.
//
// Usage: NEO4J_CHECK_PASSWORD=... java -cp "check:lib/*" BoltCheck URI USER [WAIT_SECONDS]
// Exit: 0 ready, 2 authentication failed, 1 not reachable in time or other error.

import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.SecurityException;

public final class BoltCheck {
    private BoltCheck() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BoltCheck URI USER [WAIT_SECONDS]   (password in NEO4J_CHECK_PASSWORD)");
            System.exit(64);
        }
        String password = System.getenv().getOrDefault("NEO4J_CHECK_PASSWORD", "");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.length == 3 ? Long.parseLong(args[2]) : 0);
        Config config = Config.builder()
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                // Fail fast and let our loop retry: the driver's own retries back off for up to 30s.
                .withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
                .withoutEncryption()
                .withLogging(Logging.none())
                .build();
        try (Driver driver = GraphDatabase.driver(args[0], AuthTokens.basic(args[1], password), config)) {
            while (true) {
                try {
                    driver.verifyConnectivity();
                    long one = driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asLong();
                    Record c = driver.executableQuery(
                            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition")
                            .execute().records().get(0);
                    if (one != 1) {
                        System.err.println("RETURN 1 returned " + one);
                        System.exit(1);
                    }
                    System.out.println("Neo4j " + c.get("version").asString() + " " + c.get("edition").asString());
                    System.exit(0);
                } catch (SecurityException e) { // authentication / authorization failures
                    System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                    System.exit(2);
                } catch (RuntimeException e) { // not listening yet, database still starting, ...
                    if (System.nanoTime() > deadline) {
                        System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                        System.exit(1);
                    }
                    Thread.sleep(250);
                }
            }
        }
    }
}
