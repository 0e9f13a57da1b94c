package sprocket.cli.sh;

/** A token of the shell grammar (POSIX.1 XCU 2.10.1): a word, an operator, an IO_NUMBER, a newline or the end. */
record Token(Kind kind, Word word, int line) {

    enum Kind {
        WORD(null), IO_NUMBER(null), NEWLINE("newline"), EOF("end of file"),
        AND_IF("&&"), OR_IF("||"), DSEMI(";;"), SEMI(";"), AMP("&"), PIPE("|"), LPAREN("("), RPAREN(")"),
        LESS("<"), GREAT(">"), DLESS("<<"), DLESSDASH("<<-"), DGREAT(">>"), LESSAND("<&"), GREATAND(">&"),
        LESSGREAT("<>"), CLOBBER(">|");

        final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The redirection this operator makes, or null. */
        Node.RedirectionOp redirection() {
            return switch (this) {
                case LESS -> Node.RedirectionOp.IN;
                case GREAT -> Node.RedirectionOp.OUT;
                case DGREAT -> Node.RedirectionOp.APPEND;
                case CLOBBER -> Node.RedirectionOp.CLOBBER;
                case LESSGREAT -> Node.RedirectionOp.READ_WRITE;
                case LESSAND -> Node.RedirectionOp.DUP_IN;
                case GREATAND -> Node.RedirectionOp.DUP_OUT;
                case DLESS -> Node.RedirectionOp.HERE;
                case DLESSDASH -> Node.RedirectionOp.HERE_STRIP;
                default -> null;
            };
        }
    }

    /** The word's text if this is an unquoted word with no expansion, else null: what reserved words are. */
    String plain() {
        return kind == Kind.WORD ? word.plain() : null;
    }

    /** Whether this is the reserved word {@code name}. */
    boolean is(String name) {
        return name.equals(plain());
    }

    /** How dash names the token in "Syntax error: X unexpected". */
    String describe() {
        return switch (kind) {
            case NEWLINE, EOF -> kind.text;
            case WORD, IO_NUMBER -> "\"" + word.raw() + "\"";
            default -> "\"" + kind.text + "\"";
        };
    }
}
