/**
 * picocli, compiled here from its published sources for this project's Java release. The module picocli ships
 * (META-INF/versions/9) says the same: it exports its one package and may use java.sql's types when they are there.
 */
module info.picocli {
    requires static java.sql;

    exports picocli;
}
