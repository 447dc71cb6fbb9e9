package org.submodeluq.matformer.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;

/**
 * Model files as {@code matformer train} and {@code matformer extract} leave them: the nested model of
 * a training directory, and the provenance attributes (corpus, held-out share, context) from which a
 * later command rebuilds the held-out text the model never saw.
 */
public final class TrainedModel {

    static final String CORPUS = "corpus";
    static final String HELD_OUT_FRACTION = "held_out_fraction";
    static final String CONTEXT = "context";

    /** Held-out windows per evaluation batch. */
    public static final int EVALUATION_WINDOWS = 16;

    private TrainedModel() {
    }

    /** Parameter counts of an extracted model and of the nested model it was cut from. */
    public record Extraction(long parameters, long nestedParameters) {
    }

    /** A model file, or the nested model of a training directory. */
    public static Path file(Path path) {
        return Files.isDirectory(path) ? MatformerStudy.Run.nestedFile(path) : path;
    }

    /** The MatFormer in {@code path} (a file or a training directory); a plain model is refused. */
    public static MatLm nested(Path path, NDManager manager) {
        Path file = file(path);
        ModelFile.Contents contents = ModelFile.read(file, manager, null);
        if (contents.granularityWidths().length == 0) {
            throw new UserInputException("'" + file + "' is a plain model, not a MatFormer: this needs a model made by "
                    + "matformer train");
        }
        return contents.nested();
    }

    /**
     * The held-out part of the corpus {@code model} was trained on, as windows of its context.
     *
     * @param corpusOverride the corpus, when it moved since training; null to use the recorded path
     */
    public static Windows heldOut(Path model, Path corpusOverride) {
        return windows(recordedCorpus(model, corpusOverride).heldOut(), context(model), "held-out part");
    }

    /** The training part of the corpus {@code model} was trained on, as windows of its context. */
    public static Windows trainingPart(Path model, Path corpusOverride) {
        return windows(recordedCorpus(model, corpusOverride).train(), context(model), "training part");
    }

    private static ByteCorpus recordedCorpus(Path model, Path corpusOverride) {
        Object recorded = ModelFile.attribute(model, CORPUS);
        Object fraction = ModelFile.attribute(model, HELD_OUT_FRACTION);
        if ((recorded == null && corpusOverride == null) || fraction == null) {
            throw new UserInputException("'" + model + "' does not say which corpus it was trained on: it was not made by "
                    + "matformer train");
        }
        Path corpus = corpusOverride != null ? corpusOverride : Path.of((String) recorded);
        return ByteCorpus.read(corpus, ((Number) fraction).doubleValue());
    }

    private static int context(Path model) {
        return ((Number) ModelFile.attribute(model, CONTEXT)).intValue();
    }

    /** Windows of {@code context} bytes, or a clear error when the text is too short for one. */
    static Windows windows(byte[] text, int context, String what) {
        if (text.length <= context) {
            throw new UserInputException("context", "= " + context + " is too long: the corpus's " + what + " has "
                    + text.length + " bytes and needs more than the context");
        }
        return new Windows(text, context);
    }

    /**
     * Cuts {@code config} out of the MatFormer in {@code from} and writes it to {@code to} as a plain
     * model that keeps the provenance, so that it can be evaluated on the same held-out text.
     */
    public static Extraction extract(Path from, MixConfig config, Path to, NDManager manager) {
        Path file = file(from);
        MatLm nested = nested(file, manager);
        TransformerLm extracted = nested.extract(config, manager);
        Map<String, Object> provenance = new LinkedHashMap<>();
        for (String key : List.of(CORPUS, HELD_OUT_FRACTION, CONTEXT)) {
            provenance.put(key, ModelFile.attribute(file, key));
        }
        provenance.put("extracted_from", file.toAbsolutePath().toString());
        provenance.put("configuration", config.toString());
        ModelFile.write(to, extracted, new int[0], Map.of(), provenance);
        return new Extraction(extracted.shape().parameterCount(), nested.transformer().shape().parameterCount());
    }
}
