package org.submodeluq.spark;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.engine.ClusterEngines;

/** {@code --engine spark}: a Spark context on the master given, or on spark-submit's. */
public final class SparkEngineProvider implements ClusterEngines.Provider {

    /** Spark's test master: N executor JVMs of C cores and M MiB on this machine. */
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterEngine open(String master, Consumer<String> notes) {
        SparkConf conf = new SparkConf().setAppName("submodel-uq");
        if (master != null) {
            conf.setMaster(master);
        }
        String url = conf.get("spark.master", null);
        if (url == null) {
            throw new UserInputException("--master", "is needed with --engine spark: local[N], spark://HOST:PORT, "
                    + "yarn or k8s://https://HOST:PORT (spark-submit's --master serves too)");
        }
        MasterUrl.check(url);
        boolean local = url.startsWith("local[") || url.equals("local");
        Matcher cluster = LOCAL_CLUSTER.matcher(url);
        if (cluster.matches() && !conf.contains("spark.executor.cores")) {
            // each executor then knows its cores, and starts as many FEniCS workers
            conf.set("spark.executor.cores", cluster.group(2));
        }
        if (local && !conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(new SparkContext(conf));
        } catch (Exception e) {
            // SparkException is checked, and Scala code throws it undeclared
            throw new UserInputException("--master", url + ": Spark cannot start on it (" + e.getMessage() + ")");
        }
        String where = "Spark " + spark.version() + " at " + url + (local ? " (" + spark.defaultParallelism()
                + " threads in this JVM)" : ", application " + spark.sc().applicationId());
        notes.accept("engine: " + where);
        return new SparkEngine(spark, where);
    }
}
