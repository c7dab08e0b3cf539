"""Detect a vague subject: one that does not tell the triage team what the ticket is about.

The subject is what a triage team reads in a queue of hundreds; "Help!!" and "URGENTE" have to
be opened to be routed, "Site fora do ar" or "SSL expired on loja.com.br" do not.

A subject is vague when, once greetings, pleas ("help", "ajuda", "por favor"), urgency
("urgent", "urgente") and generic words ("problem", "erro", "não funciona") are set aside,
nothing is left to say what is affected or how; when it is a single generic object ("Site",
"Email"); or when it is written in capitals (shouting carries urgency, not content). An
empty subject is not vague but missing, which validation reports.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from ticketcore.completeness._text import MAX_HITS, Detection, Span, Text, detection, lexicon

# Words that carry no content of their own: greetings, pronouns, articles, prepositions,
# reply prefixes and time fillers. They are skipped, and never pointed at.
_FILLER: Final = lexicon(
    """
    hi hello hey dear ola olá oi bom dia boa tarde noite i me my mine meu minha meus minhas
    nosso nossa our we the a an o os as um uma uns umas with com no na nos nas in em de do da
    dos das to para pra pro on of at is está esta estão é it isso isto this that again
    novamente ainda still já ja very muito muita now agora hoje today re fw fwd enc res and e
    or ou sir madam senhor senhora team equipe suporte support amigo amigos gente pessoal
    thanks thank obrigado obrigada grato
    """
)

# Pleas and urgency ("help", "URGENTE", "por favor", "asap"), and words that name a problem
# without saying which ("problema", "erro", "não funciona"): with only these and fillers,
# a subject is vague, and these are the words pointed at.
_GENERIC: Final = lexicon(
    """
    help helpme please pls plz urgent urgently urgência urgencia urgente urgentíssimo asap
    ajuda ajudem socorro por favor pf pfv preciso need needed quick rápido rapido fast
    important importante attention atenção atencao
    problem problems problema problemas issue issues error errors erro erros question questions
    dúvida dúvidas duvida duvidas doubt request solicitação solicitacao pedido ticket chamado
    not não nao working work works worked funciona funcionando funcionou funcionar broken
    quebrado quebrou bug bugs falha falhas failure trouble something algo coisa coisas thing
    things wrong errado errada doesn't doesnt don't dont isn't isnt can't cant cannot consigo
    consegue help ajuda info informação informacao assistance assistência assistencia
    """
)

# Objects so broad that alone they leave open what is wrong with them.
_GENERIC_OBJECTS: Final = lexicon(
    """
    site website web página pagina page sistema system conta account email e-mail mail
    servidor server domínio dominio domain painel panel app aplicativo hospedagem hosting
    """
)

# A letter of any script, counted to tell a shouted subject from an acronym.
_LETTER: Final = re.compile(r"[^\W\d_]")
# A word, hyphens and apostrophes included ("e-mail", "doesn't"); possessive quantifiers,
# so that a word once read is never given back.
_WORD: Final = re.compile(r"[^\W_]++(?:['\u2019-][^\W_]++)*+")

# Capitals shout: at least this many letters, none of them lowercase, make a subject vague
# ("SITE FORA DO AR"); shorter ones are acronyms ("DNS", "SSL").
_SHOUT_LETTERS = 8


def detect_vague_subject(subject: Text, /) -> Detection:
    """Judge whether a subject is vague (found) and point at the words that make it so.

    >>> detect_vague_subject(Text.of("Help!!!")).found
    True
    >>> detect_vague_subject(Text.of("Urgente: site fora do ar")).found
    False
    """
    original = subject.original
    whole: Span = (0, len(original))
    if not original.strip():
        return detection(())
    if original.isupper() and len(list(islice(_LETTER.finditer(original), _SHOUT_LETTERS))) == (
        _SHOUT_LETTERS
    ):
        return detection([whole], found=True)
    vague: list[Span] = []
    content: list[str] = []
    for match in islice(_WORD.finditer(subject.lowered), MAX_HITS):
        word = match.group()
        if word in _GENERIC:
            vague.append(match.span())
        elif word not in _FILLER:
            content.append(word)
            if len(content) > 1:
                return detection((), vague)  # two words that say something: not vague
    if not content:
        return detection(vague or [whole], found=True)
    if not vague and content[0] in _GENERIC_OBJECTS:
        return detection([whole], found=True)  # "Site", "Email": what is wrong with it?
    return detection((), vague)
