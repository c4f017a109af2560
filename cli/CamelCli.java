/** What JBang's `camel` script runs: Camel's CLI main (it exits with the command's status). */
public class CamelCli {
    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
