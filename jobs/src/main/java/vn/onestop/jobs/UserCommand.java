package vn.onestop.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.UserAccounts;

/** Creates dashboard accounts; the first administrator is made here. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Create a dashboard account (the password is read from the console or --password-env).")
final class UserCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--name", required = true, description = "User name.")
    String name;

    @Option(names = "--role", required = true, description = "admin, inspector or agency.")
    String role;

    @Option(names = "--agency", description = "Agency code, for role agency.")
    String agency;

    @Option(names = "--display-name", description = "Name shown in the dashboard.")
    String displayName;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable instead of the console.")
    String passwordEnv;

    @Override
    public Integer call() {
        String password;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("Environment variable " + passwordEnv + " is not set.");
            }
        } else if (System.console() != null) {
            password = new String(System.console().readPassword("Mật khẩu / password: "));
        } else {
            throw new IllegalArgumentException("No console to read the password from: use --password-env VAR.");
        }
        try (Store store = Store.open(cli.config())) {
            UserAccounts.create(store, name, password, role, agency, displayName);
        }
        System.out.println("Created user " + name + " (" + role + ").");
        return 0;
    }
}
