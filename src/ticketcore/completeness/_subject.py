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
from typing import Final

from ticketcore.completeness._text import Detection, Span, Text, detection, lexicon

# Words that say nothing about what is wrong: greetings, pleas, urgency, pronouns, articles,
# prepositions, reply prefixes and time fillers.
_FILLER: Final = lexicon(
    """
    help helpme please pls plz urgent urgently urgência urgencia urgente urgentíssimo asap hi
    hello hey dear ola olá oi bom dia boa tarde noite ajuda ajudem socorro por favor pf pfv
    preciso need needed i me my mine meu minha meus minhas nosso nossa our we the a an o os as
    um uma uns umas with com no na nos nas in em de do da dos das to para pra pro on of at is
    está esta estão é it isso isto this that again novamente ainda still já ja very muito
    muita quick rápido rapido fast now agora hoje today important importante attention atenção
    atencao re fw fwd enc res and e or ou sir madam senhor senhora team equipe suporte support
    favor amigo amigos gente pessoal thanks thank obrigado obrigada grato
    """
)

# Words that name a problem without saying which: together with fillers they make a
# subject vague ("Problema urgente", "Erro", "Não funciona", "Issue with").
_GENERIC: Final = lexicon(
    """
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

_WORD: Final = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")

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
    if not original.strip():
        return detection(())
    words = [(match.group(), match.span()) for match in _WORD.finditer(subject.lowered)]
    vague = [span for word, span in words if word in _FILLER or word in _GENERIC]
    content = [(word, span) for word, span in words if word not in _FILLER and word not in _GENERIC]
    letters = [char for char in original if char.isalpha()]
    shouting = len(letters) >= _SHOUT_LETTERS and not any(char.islower() for char in letters)
    whole: Span = (0, len(original))
    if shouting:
        return detection([whole], found=True)
    if not content:
        return detection(vague or [whole], found=True)
    if len(words) == 1 and content[0][0] in _GENERIC_OBJECTS:
        return detection([whole], found=True)
    return detection((), vague)
