"""Demo content of the site in English and French, written from the program's source documents."""

SITE = {
    "contact_email": "events@cx-touchpoints.com",
    "contact_phone": "+237 651 781 862",
    "hashtag": "#AfricaPublicExperience",
    "social": {
        "linkedin": "https://www.linkedin.com/company/cx-touchpoints-group",
        "x": "https://x.com/AfricaPublicCX",
        "facebook": "https://www.facebook.com/AfricaPublicExperience",
        "youtube": "https://www.youtube.com/@AfricaPublicExperience",
    },
}

# CX Touchpoints Group is the real organiser; the five other partners are
# invented for the demo and use reserved .example domains.
PARTNERS = [
    {
        "name": "CX Touchpoints Group",
        "tier": "organiser",
        "country": "CM",
        "website": "https://www.cx-touchpoints.com",
        "colour": "#0B5E55",
    },
    {
        "name": "Baobab & Bytes Civic Lab",
        "tier": "strategic",
        "country": "SN",
        "website": "https://baobab-bytes-civic-lab.example",
        "colour": "#C0562B",
    },
    {
        "name": "Queue-Free Futures Foundation",
        "tier": "gold",
        "country": "KE",
        "website": "https://queue-free-futures.example",
        "colour": "#B8860B",
    },
    {
        "name": "Listening Drum Research Centre",
        "tier": "silver",
        "country": "RW",
        "website": "https://listening-drum-research.example",
        "colour": "#4A5A8C",
    },
    {
        "name": "Tamarind Tree Training Collective",
        "tier": "supporter",
        "country": "CI",
        "website": "https://tamarind-tree-training.example",
        "colour": "#6B8E23",
    },
    {
        "name": "Harmattan Wave Media",
        "tier": "media",
        "country": "GH",
        "website": "https://harmattan-wave-media.example",
        "colour": "#8E3B6F",
    },
]

# The demo sponsor user and what their partner supports (cms/reports/access.py): the whole
# closed 2026 cycle, and only the "Digital public service" category of the open 2027 cycle.
SPONSOR = {
    "user": "sponsor@demo.test",
    "partner": "Queue-Free Futures Foundation",
    "cycles": ["CX27", "CX26"],
    "categories": [("CX27", "Digital public service")],
}

# An English page changed after its French translation was published: the translation report
# lists its French version as out of date (cms/translations/status.py).
OUT_OF_DATE = (
    "news_kenya_huduma",
    {
        "intro": "Kenya's Institute of Customer Experience has praised the government's investment in customer care and the growth of Huduma Centres, while a speaker named Kenya, Rwanda and South Africa among the continent's rising CX nations.",
    },
)

PAGES = {
    # ------------------------------------------------------------------ home
    "home": {
        "type": "HomePage",
        "en": {
            "title": "Home",
            "slug": "home",
            "hero_title": "Public services that welcome every citizen like a guest",
            "intro": "The Africa Public Sector CX Awards program works to make public services across the continent easier, faster and more respectful to use. It brings governments, experts, media and citizens together around one aim: a better public experience.",
            "body": [
                ("heading", {"text": "About the program", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Led by CX Touchpoints Group, the program is a continent-wide effort to raise the quality of service that people receive in public offices. It makes the case for citizen-centred service to governments and non-profit bodies, shares practical guides and tools, and supports public institutions while they change the way they serve people.</p><p>Join the conversation online with <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "statistics",
                    {
                        "title": "The program in numbers",
                        "items": [
                            {"value": "54", "label": "African states can take part"},
                            {"value": "9", "label": "program actions"},
                            {"value": "3", "label": "ways to get involved"},
                            {"value": "5", "label": "planned award categories"},
                            {"value": "2022", "label": "year our open letter was published"},
                        ],
                    },
                ),
                (
                    "card_grid",
                    {
                        "title": "Highlights",
                        "cards": [
                            {
                                "title": "The CX Awards",
                                "text": "Recognising public bodies that can show measurable progress in the way they serve citizens.",
                                "page": "awards",
                            },
                            {
                                "title": "Our open letter",
                                "text": "Published on 19 January 2022, it asks every stakeholder to act on poor service in public offices.",
                                "page": "open_letter",
                            },
                            {
                                "title": "Public Sector CX Day",
                                "text": "One day each year to put the public experience in the spotlight, everywhere on the continent.",
                                "page": "cx_day",
                            },
                            {
                                "title": "Take the pledge",
                                "text": "Add your name and show that citizens, companies and public offices expect better service.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Stand up for better public services",
                        "text": "Whether you are a citizen, a company or a public office, signing the pledge is the quickest way to show your support.",
                        "page": "pledge",
                        "label": "Sign the pledge",
                    },
                ),
                ("partner_strip", {"title": "With the support of", "tier": ""}),
            ],
        },
        "fr": {
            "title": "Accueil",
            "slug": "accueil",
            "hero_title": "Des services publics qui accueillent chaque citoyen comme un hôte",
            "intro": "Le programme des Prix africains de l’expérience usager dans le secteur public veut rendre les services publics plus simples, plus rapides et plus respectueux partout sur le continent. Il fédère gouvernements, experts, médias et citoyens autour d’un même objectif : une meilleure expérience du service public.",
            "body": [
                ("heading", {"text": "Le programme en bref", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Porté par CX Touchpoints Group, ce programme mobilise tout le continent pour améliorer la qualité de l’accueil et du service dans les administrations. Il plaide auprès des gouvernements et des organisations à but non lucratif pour un service centré sur le citoyen, met à leur disposition des guides et des outils pratiques, et accompagne les institutions publiques dans la transformation de leur relation avec les usagers.</p><p>Participez aux échanges en ligne avec le hashtag <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "statistics",
                    {
                        "title": "Le programme en chiffres",
                        "items": [
                            {"value": "54", "label": "États africains peuvent participer"},
                            {"value": "9", "label": "axes d’action"},
                            {"value": "3", "label": "façons de s’engager"},
                            {"value": "5", "label": "catégories de prix prévues"},
                            {
                                "value": "2022",
                                "label": "année de publication de notre lettre ouverte",
                            },
                        ],
                    },
                ),
                (
                    "card_grid",
                    {
                        "title": "À la une",
                        "cards": [
                            {
                                "title": "Les Prix CX",
                                "text": "Ils distinguent les organismes publics capables de prouver, chiffres à l’appui, qu’ils servent mieux les citoyens.",
                                "page": "awards",
                            },
                            {
                                "title": "Notre lettre ouverte",
                                "text": "Publiée le 19 janvier 2022, elle appelle tous les acteurs à agir contre la mauvaise qualité du service public.",
                                "page": "open_letter",
                            },
                            {
                                "title": "Journée CX du secteur public",
                                "text": "Une journée par an pour mettre l’expérience usager à l’honneur dans tous les pays du continent.",
                                "page": "cx_day",
                            },
                            {
                                "title": "Prendre l’engagement",
                                "text": "Signez pour montrer que citoyens, entreprises et administrations attendent un meilleur service.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Mobilisez-vous pour de meilleurs services publics",
                        "text": "Citoyen, entreprise ou administration : signer l’engagement est le moyen le plus simple de soutenir la démarche.",
                        "page": "pledge",
                        "label": "Signer l’engagement",
                    },
                ),
                ("partner_strip", {"title": "Avec le soutien de", "tier": ""}),
            ],
        },
    },
    # ----------------------------------------------------------------- about
    "about": {
        "type": "StandardPage",
        "show_in_menus": True,
        "en": {
            "title": "About the program",
            "slug": "about",
            "intro": "Why we campaign for a better customer experience in Africa's public services, what we want to achieve and who is behind the program.",
            "body": [
                ("heading", {"text": "Our goals", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The program sets out to improve the way public services are delivered to people in African countries. It wants governments and non-profit organisations to treat the experience of people in public offices as a real policy priority. To get there, it runs campaigns across the continent that:</p><ul><li>show, with evidence and examples, why customer experience matters when public services are delivered;</li><li>give public and non-profit actors practical guides and tools to run their own public experience initiatives;</li><li>support public institutions from the first diagnosis to the end of their CX transformation.</li></ul>",
                ),
                ("heading", {"text": "Why public-sector CX matters", "level": "h2"}),
                (
                    "paragraph",
                    "<ol><li><strong>It opens the door to a basic right.</strong> Access to public services is a fundamental human right, and a better experience makes that access simpler for everyone.</li><li><strong>It builds trust.</strong> People who are well served trust their public authorities more, and are more ready to understand, accept and support the economic and political choices those authorities put forward.</li><li><strong>It shows what works.</strong> Listening to users regularly tells public bodies how effective their programmes really are and where they need to change.</li><li><strong>It strengthens well-being and civic pride.</strong> Citizens who can rely on their public service feel better off and more attached to their country.</li><li><strong>It lowers costs.</strong> A better experience goes hand in hand with better-performing public servants, which brings down the cost of running public services.</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "Hospitality, is a natural resource in Africa. Improving public sector experience is just valorizing Africa's unique culture and using it as a tool for public policy",
                        "attribution": "Mbinkar Kpunsa F.",
                        "role": "CX Touchpoints Group",
                    },
                ),
                ("heading", {"text": "Who runs the program", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The program is organised by <strong>CX Touchpoints Group</strong>, a customer experience organisation active across Africa. The group gives organisations and individuals the tools and skills they need to design and carry out their own customer experience strategies, and helps teams build customer-centred cultures, processes and systems. Its stated purpose is to change the way customers are served across the continent, by building people's skills and by encouraging the use of CX technology.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "From ideas to action",
                        "text": "Nine lines of work turn the program's goals into concrete steps, from regulation and research to feedback platforms and awards.",
                        "page": "actions",
                        "label": "Explore the program actions",
                    },
                ),
            ],
        },
        "fr": {
            "title": "À propos du programme",
            "slug": "a-propos",
            "intro": "Pourquoi nous militons pour une meilleure expérience usager dans les services publics africains, ce que nous voulons obtenir et qui porte le programme.",
            "body": [
                ("heading", {"text": "Nos objectifs", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Le programme vise à améliorer la manière dont les services publics sont rendus aux populations des pays africains. Il souhaite que les gouvernements et les organisations à but non lucratif fassent de l’expérience vécue dans les administrations une véritable priorité de politique publique. Pour cela, il mène à l’échelle du continent des campagnes qui :</p><ul><li>démontrent, exemples et données à l’appui, l’importance de l’expérience usager dans la prestation des services publics ;</li><li>fournissent aux acteurs publics et associatifs des guides et des outils pratiques pour conduire leurs propres initiatives ;</li><li>accompagnent les institutions publiques tout au long de leur transformation, du premier diagnostic jusqu’aux résultats.</li></ul>",
                ),
                (
                    "heading",
                    {
                        "text": "Pourquoi l’expérience usager compte dans le secteur public",
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    "<ol><li><strong>Elle facilite l’exercice d’un droit fondamental.</strong> L’accès aux services publics est un droit humain essentiel ; une meilleure expérience le rend plus simple pour tous.</li><li><strong>Elle renforce la confiance.</strong> Un citoyen bien servi fait davantage confiance aux pouvoirs publics et se montre plus disposé à comprendre, accepter et soutenir leurs choix économiques et politiques.</li><li><strong>Elle montre ce qui fonctionne.</strong> Écouter régulièrement les usagers permet aux administrations de mesurer l’efficacité réelle de leurs programmes et de repérer ce qu’il faut corriger.</li><li><strong>Elle favorise le bien-être et la fierté civique.</strong> Un citoyen qui peut compter sur son service public se sent mieux et plus attaché à son pays.</li><li><strong>Elle réduit les coûts.</strong> Une meilleure expérience va de pair avec des agents publics plus performants, ce qui allège le coût de fonctionnement des services.</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "L’hospitalité est une ressource naturelle en Afrique. Améliorer l’expérience dans le service public, c’est tout simplement valoriser la culture unique de l’Afrique et en faire un outil de politique publique.",
                        "attribution": "Mbinkar Kpunsa F.",
                        "role": "CX Touchpoints Group",
                    },
                ),
                ("heading", {"text": "Qui porte le programme", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Le programme est organisé par <strong>CX Touchpoints Group</strong>, une structure spécialisée dans l’expérience client qui intervient à travers l’Afrique. Le groupe donne aux organisations et aux personnes les outils et les compétences nécessaires pour concevoir et mettre en œuvre leurs propres stratégies d’expérience client, et aide les équipes à bâtir des cultures, des processus et des systèmes tournés vers l’usager. Sa mission : transformer le service client en Afrique par le renforcement des capacités humaines et l’adoption des technologies de l’expérience client.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Des idées à l’action",
                        "text": "Neuf axes de travail traduisent les objectifs du programme en mesures concrètes, de la réglementation à la recherche, en passant par l’écoute des usagers et les prix.",
                        "page": "actions",
                        "label": "Découvrir les axes d’action",
                    },
                ),
            ],
        },
    },
    # --------------------------------------------------------------- actions
    "actions": {
        "type": "ProgramActionIndexPage",
        "show_in_menus": True,
        "en": {
            "title": "Program actions",
            "slug": "program-actions",
            "intro": "Nine concrete lines of action turn the program's goals into work on the ground, from standards and laws to research, media, feedback platforms and awards.",
            "body": [
                (
                    "paragraph",
                    '<p>No single institution can fix the public experience on its own. Each action below targets a group that has a part to play: regulators, lawmakers, universities, journalists, public managers and citizens. Choose the one closest to your work and get in touch at <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
            ],
        },
        "fr": {
            "title": "Axes d’action",
            "slug": "axes-d-action",
            "intro": "Neuf axes d’action concrets traduisent les objectifs du programme sur le terrain : normes et lois, recherche, médias, plateformes d’avis citoyens et prix.",
            "body": [
                (
                    "paragraph",
                    '<p>Aucune institution ne peut, à elle seule, transformer l’expérience du service public. Chacun des axes ci-dessous s’adresse à des acteurs qui ont un rôle à jouer : régulateurs, législateurs, universités, journalistes, responsables publics et citoyens. Choisissez celui qui correspond le mieux à votre activité et écrivez-nous à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
            ],
        },
    },
    "action_regulators": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Regulatory bodies",
            "slug": "regulatory-bodies",
            "summary": "Working with regulators and national quality bodies to write clear service rules and CX norms for public offices.",
            "intro": "Good intentions last longer when they are written into standards. This action supports the bodies that set the rules for public service quality.",
            "body": [
                (
                    "paragraph",
                    "<p>We work alongside regulators and national quality assurance agencies and bring them the customer experience expertise they need to draft rules and service norms for public offices: how long people should wait, what information they must receive, how complaints are handled and how results are reported.</p>",
                ),
                (
                    "paragraph",
                    '<p><strong>The aim:</strong> clear, measurable standards that every citizen can rely on and that public offices can be held to.</p><p><strong>Get involved:</strong> if you work for a regulator or a standards body and would like to co-develop a CX standard, write to <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
            ],
        },
        "fr": {
            "title": "Organismes de régulation",
            "slug": "organismes-de-regulation",
            "summary": "Appuyer les régulateurs et les organismes nationaux de qualité dans l’élaboration de normes d’expérience usager pour les administrations.",
            "intro": "Les bonnes intentions durent davantage lorsqu’elles sont inscrites dans des normes. Cet axe soutient les organismes qui fixent les règles de qualité du service public.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous travaillons avec les autorités de régulation et les organismes nationaux d’assurance qualité, et leur apportons l’expertise en expérience usager dont ils ont besoin pour rédiger des règlements et des normes de service applicables aux administrations : délais d’attente acceptables, informations dues à l’usager, traitement des réclamations, publication des résultats.</p>",
                ),
                (
                    "paragraph",
                    '<p><strong>L’objectif :</strong> des normes claires et mesurables sur lesquelles chaque citoyen peut compter et au regard desquelles les administrations rendent des comptes.</p><p><strong>Comment participer :</strong> vous travaillez pour un régulateur ou un organisme de normalisation et souhaitez coconstruire une norme ? Écrivez à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
            ],
        },
    },
    "action_parliamentarians": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Parliamentarians",
            "slug": "parliamentarians",
            "summary": "Encouraging members of parliament to champion the cause and to propose laws that define good service in public offices.",
            "intro": "Members of parliament can turn the public experience from a wish into a right. This action invites them to take up the cause.",
            "body": [
                (
                    "paragraph",
                    "<p>We reach out to parliamentarians across the continent, brief them on the state of public service experience and encourage them to table bills that spell out what citizens can expect when they deal with a public office.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>The aim:</strong> laws that define the nature and quality of customer experience in public services, so that progress does not depend on the goodwill of one manager.</p><p><strong>Get involved:</strong> MPs and parliamentary staff can request a briefing pack or invite us to a committee hearing.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Read our open letter",
                        "text": "The letter sets out what we are asking of lawmakers and other decision-makers.",
                        "page": "open_letter",
                        "label": "Read the letter",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Parlementaires",
            "slug": "parlementaires",
            "summary": "Inciter les députés à porter la cause et à proposer des lois qui définissent un service de qualité dans les administrations.",
            "intro": "Les parlementaires peuvent faire de la qualité du service public un droit plutôt qu’un souhait. Cet axe les invite à s’emparer du sujet.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous allons à la rencontre des parlementaires du continent, les informons de l’état de l’expérience usager dans les services publics et les encourageons à déposer des propositions de loi qui précisent ce que le citoyen est en droit d’attendre d’une administration.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>L’objectif :</strong> des textes de loi qui définissent la nature et la qualité de l’expérience usager dans les services publics, afin que les progrès ne dépendent pas de la seule bonne volonté d’un responsable.</p><p><strong>Comment participer :</strong> les députés et leurs collaborateurs peuvent demander un dossier d’information ou nous inviter à une audition en commission.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Lire notre lettre ouverte",
                        "text": "Elle expose ce que nous attendons des législateurs et des autres décideurs.",
                        "page": "open_letter",
                        "label": "Lire la lettre",
                    },
                ),
            ],
        },
    },
    "action_cx_day": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Public Sector CX Day",
            "slug": "cx-day-campaign",
            "summary": "Launching an annual Africa Public Sector CX Day to celebrate good service in public offices and raise awareness of its value.",
            "intro": "A shared date on the calendar gives everyone a reason to talk about the public experience at the same time.",
            "body": [
                (
                    "paragraph",
                    "<p>This action creates the <strong>Africa Public Sector CX Day</strong>: a single day each year devoted to why good service matters in the public sector. Public offices, companies, universities, media and citizens organise open days, workshops, debates and feedback drives in their own country.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>The aim:</strong> to make the public experience visible, to thank the public servants who make a difference and to start conversations that last beyond the day itself.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Plan your activity",
                        "text": "See the date, the activities already planned and how to register your own.",
                        "page": "cx_day",
                        "label": "Go to CX Day",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Journée CX du secteur public",
            "slug": "campagne-journee-cx",
            "summary": "Créer une Journée africaine annuelle de l’expérience usager pour célébrer le bon service public et faire connaître son importance.",
            "intro": "Une date commune dans le calendrier donne à chacun l’occasion de parler, au même moment, de la qualité du service public.",
            "body": [
                (
                    "paragraph",
                    "<p>Cet axe donne naissance à la <strong>Journée africaine de l’expérience usager dans le secteur public</strong> : une journée par an consacrée à l’importance de l’expérience usager dans les services publics. Administrations, entreprises, universités, médias et citoyens y organisent, dans leur pays, portes ouvertes, ateliers, débats et collectes d’avis.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>L’objectif :</strong> rendre l’expérience usager visible, remercier les agents publics qui font la différence et lancer des échanges qui se prolongent bien au-delà de la journée.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Préparez votre activité",
                        "text": "Découvrez la date, les activités déjà prévues et la marche à suivre pour inscrire la vôtre.",
                        "page": "cx_day",
                        "label": "Voir la Journée CX",
                    },
                ),
            ],
        },
    },
    "action_academia": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "African academia",
            "slug": "african-academia",
            "summary": "Mobilising African universities and researchers to study public-sector CX and publish findings for each country.",
            "intro": "Reliable, local evidence is the best argument for change. This action invites African researchers to build it.",
            "body": [
                (
                    "paragraph",
                    "<p>We call on universities, research centres and doctoral students across Africa to investigate customer experience in public services: how citizens perceive their administrations, which reforms improve satisfaction, what service really costs when it goes wrong. Studies rooted in each country's context are especially welcome.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>The aim:</strong> a growing body of African research that decision-makers can trust and use.</p><p><strong>Get involved:</strong> share your published work or research project with us so that we can feature it and connect you with public bodies willing to open their data.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Milieu universitaire africain",
            "slug": "milieu-universitaire-africain",
            "summary": "Mobiliser universités et chercheurs africains pour étudier l’expérience usager dans le secteur public et publier des résultats par pays.",
            "intro": "Des données locales et fiables sont le meilleur argument en faveur du changement. Cet axe invite les chercheurs africains à les produire.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous invitons les universités, les centres de recherche et les doctorants du continent à se pencher sur l’expérience usager dans les services publics : la perception que les citoyens ont de leur administration, les réformes qui améliorent réellement la satisfaction, le coût d’un service qui dysfonctionne. Les travaux ancrés dans le contexte propre à chaque pays sont particulièrement attendus.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>L’objectif :</strong> constituer un corpus de recherche africain sur lequel les décideurs peuvent s’appuyer en toute confiance.</p><p><strong>Comment participer :</strong> faites-nous connaître vos publications ou vos projets de recherche ; nous les mettrons en valeur et vous mettrons en relation avec des organismes publics prêts à ouvrir leurs données.</p>",
                ),
            ],
        },
    },
    "action_media": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Media",
            "slug": "media",
            "summary": "Rallying mainstream media to report on the public experience and to give credit to the offices that get it right.",
            "intro": "Journalists shape what the public and decision-makers pay attention to. This action brings the public experience into the news.",
            "body": [
                (
                    "paragraph",
                    "<p>We work with newspapers, radio and television stations and online media to put the quality of public services on the agenda. Beyond reporting on problems, we encourage coverage of solutions and of the public servants and offices whose good practices deserve applause.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>Get involved:</strong> media outlets can become media partners, cover CX Day and the CX Awards, or request interviews and background material from our team.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Latest news",
                        "text": "Stories of public bodies that have improved the experience of citizens.",
                        "page": "news",
                        "label": "Read the news",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Médias",
            "slug": "medias",
            "summary": "Mobiliser les grands médias pour qu’ils parlent de l’expérience du service public et saluent les administrations exemplaires.",
            "intro": "Les journalistes influencent ce à quoi le public et les décideurs prêtent attention. Cet axe fait entrer l’expérience usager dans l’actualité.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous collaborons avec la presse écrite, les radios, les télévisions et les médias en ligne pour inscrire la qualité des services publics à l’ordre du jour. Au-delà des dysfonctionnements, nous encourageons les reportages sur les solutions ainsi que sur les agents et les services dont les bonnes pratiques méritent d’être saluées.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>Comment participer :</strong> les médias peuvent devenir partenaires, couvrir la Journée CX et les Prix CX, ou solliciter auprès de notre équipe des interviews et de la documentation.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Dernières actualités",
                        "text": "Des exemples d’organismes publics qui ont amélioré l’expérience des citoyens.",
                        "page": "news",
                        "label": "Lire les actualités",
                    },
                ),
            ],
        },
    },
    "action_curriculum": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "CX curriculum",
            "slug": "cx-curriculum",
            "summary": "Getting customer experience taught in universities and in the courses that prepare and retrain public administrators.",
            "intro": "Tomorrow's public servants should learn to design services around people from the very start of their careers.",
            "body": [
                (
                    "paragraph",
                    "<p>We campaign for customer experience to be taught in universities, in schools of public administration and in the courses that civil servants follow throughout their careers. Modules can cover listening to users, journey mapping, service standards, complaint handling and the measures that show whether service is improving.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>The aim:</strong> a generation of administrators for whom serving citizens well is a professional skill, not a matter of luck.</p><p><strong>Get involved:</strong> training institutions can ask us for course outlines and case studies, or invite our experts as guest lecturers.</p>",
                ),
            ],
        },
        "fr": {
            "title": "L’expérience usager dans les formations",
            "slug": "experience-usager-dans-les-formations",
            "summary": "Intégrer l’expérience usager dans les cursus universitaires et dans la formation des administrateurs publics.",
            "intro": "Les agents publics de demain doivent apprendre, dès le début de leur carrière, à concevoir les services autour des personnes.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous plaidons pour l’intégration de l’expérience usager dans les programmes universitaires, dans les écoles d’administration et dans la formation continue des fonctionnaires. Les modules peuvent porter sur l’écoute des usagers, la cartographie des parcours, les normes de service, le traitement des réclamations et les indicateurs qui montrent si le service progresse.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>L’objectif :</strong> une génération d’administrateurs pour qui bien servir le citoyen relève de la compétence professionnelle et non du hasard.</p><p><strong>Comment participer :</strong> les établissements de formation peuvent nous demander des plans de cours et des études de cas, ou inviter nos experts comme intervenants.</p>",
                ),
            ],
        },
    },
    "action_best_practices": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Sharing best practices",
            "slug": "sharing-best-practices",
            "summary": "Building national platforms where public bodies can share what works and learn from one another.",
            "intro": "Many public offices have already solved problems that others still face. This action helps good ideas travel.",
            "body": [
                (
                    "paragraph",
                    "<p>We are setting up country-specific platforms, online and in person, where public bodies can present the improvements they have made, explain how they did it and learn from peers. The goal is to make the exchange of good practice a habit rather than an exception.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>Get involved:</strong> if your office has simplified a procedure, cut waiting times or improved the way it listens to users, tell us about it. Your experience could inspire colleagues in your country and beyond.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Be recognised for your work",
                        "text": "The best practices shared on the platforms can also be put forward for the CX Awards.",
                        "page": "awards",
                        "label": "About the awards",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Partage des bonnes pratiques",
            "slug": "partage-des-bonnes-pratiques",
            "summary": "Créer des plateformes nationales où les organismes publics partagent ce qui fonctionne et apprennent les uns des autres.",
            "intro": "De nombreuses administrations ont déjà résolu des difficultés que d’autres rencontrent encore. Cet axe aide les bonnes idées à circuler.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous mettons en place, pays par pays, des plateformes en ligne et des rencontres où les organismes publics peuvent présenter leurs améliorations, expliquer leur démarche et s’inspirer de leurs pairs. Le but : que l’échange de bonnes pratiques devienne la règle et non l’exception.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>Comment participer :</strong> votre service a simplifié une procédure, réduit les délais d’attente ou amélioré l’écoute des usagers ? Faites-le-nous savoir. Votre expérience pourrait inspirer vos collègues, dans votre pays comme ailleurs.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Faites reconnaître votre travail",
                        "text": "Les bonnes pratiques partagées sur les plateformes peuvent aussi être présentées aux Prix CX.",
                        "page": "awards",
                        "label": "Découvrir les prix",
                    },
                ),
            ],
        },
    },
    "action_feedback": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "Feedback platforms",
            "slug": "feedback-platforms",
            "summary": "Setting up national platforms where citizens can rate and comment on the public services they use.",
            "intro": "Public bodies cannot improve what they never hear about. This action gives citizens a simple way to be heard.",
            "body": [
                (
                    "paragraph",
                    "<p>We are working towards country-specific platforms where citizens can describe their experience of a public service, rate it and suggest improvements. Feedback is meant to be constructive: it should explain what could be better and how, not simply shame an office or an employee.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>The aim:</strong> to give public authorities a steady, honest view of how their services are received and where to act first.</p><p><strong>Get involved:</strong> in the meantime, share your experiences on social media with <strong>#AfricaPublicExperience</strong>, and public bodies interested in piloting a platform can contact us.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Plateformes d’avis citoyens",
            "slug": "plateformes-d-avis-citoyens",
            "summary": "Mettre en place des plateformes nationales où les citoyens évaluent et commentent les services publics qu’ils utilisent.",
            "intro": "Une administration ne peut pas corriger ce dont elle n’entend jamais parler. Cet axe offre aux citoyens un moyen simple de se faire entendre.",
            "body": [
                (
                    "paragraph",
                    "<p>Nous travaillons à la création, dans chaque pays, de plateformes où les citoyens peuvent raconter leur expérience d’un service public, lui attribuer une note et proposer des améliorations. Les avis se veulent constructifs : il s’agit d’expliquer ce qui pourrait être mieux fait et comment, non de jeter l’opprobre sur un service ou un agent.</p>",
                ),
                (
                    "paragraph",
                    "<p><strong>L’objectif :</strong> offrir aux pouvoirs publics une vision régulière et sincère de la façon dont leurs services sont perçus, et des priorités d’action.</p><p><strong>Comment participer :</strong> en attendant, partagez vos expériences sur les réseaux sociaux avec <strong>#AfricaPublicExperience</strong> ; les organismes publics qui souhaitent tester une plateforme peuvent nous contacter.</p>",
                ),
            ],
        },
    },
    "action_awards": {
        "type": "ProgramActionPage",
        "parent": "actions",
        "en": {
            "title": "CX Awards",
            "slug": "measuring-and-celebrating",
            "summary": "Measuring how well public bodies serve people and celebrating the best performers in the Africa CX Awards.",
            "intro": "What gets measured gets improved, and what gets celebrated gets copied. This action does both.",
            "body": [
                (
                    "paragraph",
                    "<p>The CX Awards give the continent a way to assess, with clear criteria and hard evidence, how well public bodies actually serve people, and to put their success stories in the spotlight. Winners become reference points for other offices in their country and across the continent.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Discover the CX Awards",
                        "text": "Categories, judging and frequently asked questions.",
                        "page": "awards",
                        "label": "Go to the awards",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Prix CX",
            "slug": "mesurer-et-celebrer",
            "summary": "Mesurer la qualité du service rendu par les organismes publics et récompenser les plus performants lors des Prix CX africains.",
            "intro": "Ce qui est mesuré progresse, et ce qui est célébré fait des émules. Cet axe fait les deux.",
            "body": [
                (
                    "paragraph",
                    "<p>Les Prix CX permettent de mesurer, selon des critères clairs et sur pièces, l’expérience usager offerte par les acteurs du secteur public, et de mettre à l’honneur les réussites. Les lauréats deviennent des références pour les autres administrations de leur pays et du continent.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Découvrir les Prix CX",
                        "text": "Catégories, évaluation et questions fréquentes.",
                        "page": "awards",
                        "label": "Voir les prix",
                    },
                ),
            ],
        },
    },
    # ---------------------------------------------------------------- awards
    "awards": {
        "type": "StandardPage",
        "show_in_menus": True,
        "en": {
            "title": "The CX Awards",
            "slug": "cx-awards",
            "intro": "The Africa Public Sector CX Awards measure and celebrate public bodies that make services easier, faster and more respectful for the people who use them.",
            "body": [
                ("nominations_status", None),
                ("heading", {"text": "What is awarded", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The awards reward public bodies that can show real, measurable progress in the experience they offer citizens, residents and businesses. We look at results rather than promises: shorter waits, fewer trips to the counter, clearer information, problems solved the first time and users who feel listened to.</p><p>Any public body from the <strong>54 African states</strong> can be nominated: ministries and government departments, public agencies, regional and local authorities including municipalities, and state-owned enterprises that serve the public. Nomination dates for each edition are announced on this site and on social media under <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "card_grid",
                    {
                        "title": "Planned categories",
                        "cards": [
                            {
                                "title": "Omni-channel service",
                                "text": "For a body that offers the same quality of answer at the counter, by phone, online and on social media, and links its channels together.",
                                "page": "",
                            },
                            {
                                "title": "Digital service",
                                "text": "For an online service or app that lets people complete a procedure simply, securely and without queuing.",
                                "page": "",
                            },
                            {
                                "title": "Citizen feedback and listening",
                                "text": "For a body that collects users' views regularly, acts on them and tells people what has changed.",
                                "page": "",
                            },
                            {
                                "title": "Frontline service excellence",
                                "text": "For a counter, service centre or contact centre team whose welcome and problem-solving stand out.",
                                "page": "",
                            },
                            {
                                "title": "CX leader of the year",
                                "text": "For a public manager who has driven a lasting change in the way their organisation serves people.",
                                "page": "",
                            },
                        ],
                    },
                ),
                ("heading", {"text": "How judging works", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Nominations are assessed by an <strong>independent panel</strong> of customer experience practitioners, researchers and former public servants. Panel members declare any conflict of interest and do not judge bodies they are linked to.</p><p>Every entry is scored against the same <strong>rubric</strong>: ease of access, speed, clarity of information, listening and follow-up, inclusion and accessibility, and results sustained over time. Entries are expected to back their claims with figures such as the <strong>Net Promoter Score (NPS)</strong>, the <strong>Customer Effort Score</strong>, the <strong>first-contact resolution</strong> rate and <strong>turnaround times</strong>, ideally before and after the change. Shortlisted bodies may be asked to present their work to the panel. The full rubric is published with each call for nominations.</p>",
                ),
                (
                    "faq",
                    {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "question": "Who can submit a nomination?",
                                "answer": "<p>Anyone: citizens, public servants, companies, associations and the public bodies themselves, which are welcome to put their own work forward.</p>",
                            },
                            {
                                "question": "Does it cost anything to take part?",
                                "answer": "<p>No. Submitting a nomination is free of charge, and so is taking part in the judging process.</p>",
                            },
                            {
                                "question": "In which language can I submit?",
                                "answer": "<p>Nominations are accepted in <strong>English or French</strong>. Both are judged on equal terms.</p>",
                            },
                            {
                                "question": "Can I nominate an office I do not work for?",
                                "answer": "<p>Yes. A citizen who was well served by a municipality or an agency can nominate it. The panel will then contact the office and invite it to provide the supporting evidence.</p>",
                            },
                            {
                                "question": "What evidence should a nomination include?",
                                "answer": "<p>A short description of the initiative and of the problem it solved, figures that show the change (for example NPS, Customer Effort Score, first-contact resolution or turnaround times), and examples of user feedback. Please do not send personal data about individual users.</p>",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "The 2026 winners",
                        "text": "Meet the public bodies the panel distinguished in 2026, category by category.",
                        "page": "winners_2026",
                        "label": "See the winners",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Be the first to know",
                        "text": "Follow our news to hear when nominations open.",
                        "page": "news",
                        "label": "Read the news",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Les Prix CX",
            "slug": "prix-cx",
            "intro": "Les Prix africains de l’expérience usager dans le secteur public mesurent et récompensent les organismes publics qui rendent leurs services plus simples, plus rapides et plus respectueux des usagers.",
            "body": [
                ("nominations_status", None),
                ("heading", {"text": "Ce qui est récompensé", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les prix distinguent les organismes publics capables de démontrer des progrès réels et mesurables dans l’expérience qu’ils offrent aux citoyens, aux résidents et aux entreprises. Nous jugeons sur les résultats, pas sur les promesses : attente raccourcie, moins de déplacements au guichet, information plus claire, problèmes réglés du premier coup, usagers qui se sentent écoutés.</p><p>Tout organisme public des <strong>54 États africains</strong> peut être proposé : ministères et directions, agences publiques, collectivités territoriales dont les communes, et entreprises publiques au service de la population. Les dates de dépôt des candidatures de chaque édition sont annoncées sur ce site et sur les réseaux sociaux avec <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "card_grid",
                    {
                        "title": "Catégories prévues",
                        "cards": [
                            {
                                "title": "Service omnicanal",
                                "text": "Pour un organisme qui offre la même qualité de réponse au guichet, au téléphone, en ligne et sur les réseaux sociaux, et qui relie ses canaux entre eux.",
                                "page": "",
                            },
                            {
                                "title": "Service numérique",
                                "text": "Pour un service en ligne ou une application qui permet d’accomplir une démarche simplement, en toute sécurité et sans faire la queue.",
                                "page": "",
                            },
                            {
                                "title": "Écoute et avis des citoyens",
                                "text": "Pour un organisme qui recueille régulièrement l’avis des usagers, en tient compte et leur fait savoir ce qui a changé.",
                                "page": "",
                            },
                            {
                                "title": "Excellence de l’accueil",
                                "text": "Pour une équipe de guichet, de centre de services ou de centre d’appels qui se distingue par son accueil et sa capacité à résoudre les problèmes.",
                                "page": "",
                            },
                            {
                                "title": "Leader CX de l’année",
                                "text": "Pour un responsable public qui a impulsé un changement durable dans la manière dont son organisation sert la population.",
                                "page": "",
                            },
                        ],
                    },
                ),
                ("heading", {"text": "Comment se déroule l’évaluation", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les candidatures sont examinées par un <strong>jury indépendant</strong> composé de professionnels de l’expérience client, de chercheurs et d’anciens agents publics. Chaque membre déclare ses éventuels conflits d’intérêts et ne se prononce pas sur les organismes auxquels il est lié.</p><p>Toutes les candidatures sont notées selon la même <strong>grille</strong> : facilité d’accès, rapidité, clarté de l’information, écoute et suivi, inclusion et accessibilité, résultats durables. Elles doivent s’appuyer sur des chiffres tels que le <strong>Net Promoter Score (NPS)</strong>, le <strong>score d’effort client (CES)</strong>, le taux de <strong>résolution au premier contact</strong> et les <strong>délais de traitement</strong>, idéalement avant et après le changement. Les organismes présélectionnés peuvent être invités à présenter leur démarche devant le jury. La grille complète est publiée avec chaque appel à candidatures.</p>",
                ),
                (
                    "faq",
                    {
                        "title": "Questions fréquentes",
                        "items": [
                            {
                                "question": "Qui peut proposer une candidature ?",
                                "answer": "<p>Tout le monde : citoyens, agents publics, entreprises, associations, ainsi que les organismes publics eux-mêmes, qui peuvent présenter leur propre travail.</p>",
                            },
                            {
                                "question": "La participation est-elle payante ?",
                                "answer": "<p>Non. Le dépôt d’une candidature est gratuit, tout comme la participation au processus d’évaluation.</p>",
                            },
                            {
                                "question": "Dans quelle langue puis-je déposer ma candidature ?",
                                "answer": "<p>Les candidatures sont acceptées en <strong>français ou en anglais</strong>, et évaluées sur un pied d’égalité.</p>",
                            },
                            {
                                "question": "Puis-je proposer un service dans lequel je ne travaille pas ?",
                                "answer": "<p>Oui. Un citoyen bien reçu par une mairie ou une agence peut la proposer. Le jury prend alors contact avec le service concerné et l’invite à fournir les justificatifs.</p>",
                            },
                            {
                                "question": "Quels justificatifs faut-il fournir ?",
                                "answer": "<p>Une brève description de l’initiative et du problème qu’elle a permis de régler, des chiffres qui montrent l’évolution (par exemple NPS, score d’effort client, résolution au premier contact ou délais de traitement) et des exemples d’avis d’usagers. Merci de ne transmettre aucune donnée personnelle concernant des usagers.</p>",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Les lauréats 2026",
                        "text": "Découvrez les organismes publics distingués par le jury en 2026, catégorie par catégorie.",
                        "page": "winners_2026",
                        "label": "Voir les lauréats",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Soyez informé en premier",
                        "text": "Suivez nos actualités pour connaître l’ouverture des candidatures.",
                        "page": "news",
                        "label": "Lire les actualités",
                    },
                ),
            ],
        },
    },
    # --------------------------------------------------------- 2026 winners
    # The winners, merit awards and finalists come from the 2026 cycle's results (judging/demo/loader.py);
    # editors only write the stories, matched to an entry by its organisation's name.
    "winners_2026": {
        "type": "WinnersPage",
        "parent": "awards",
        "en": {
            "title": "2026 winners",
            "slug": "2026-winners",
            "cycle": "CX26",
            "intro": "The public bodies the independent panel distinguished in the 2026 CX Awards, announced on Africa Public Service Day.",
            "stories": [
                {
                    "organisation": "Nairobi One-Stop Citizen Service Centre",
                    "story": "<p>Residents used to visit four offices to register a birth, renew an ID and pay a licence. The centre brought those services under one roof with one ticket, trained every agent to finish a request at the first visit and publishes its waiting times each week. Average visits per request fell from three to one.</p>",
                },
                {
                    "organisation": "Rwanda Online Permits Service",
                    "story": "<p>Building permits can now be requested, paid for and tracked on any phone, including by text message. Applicants who need help are served at assisted desks in every district, so going online did not leave anyone behind.</p>",
                },
                {
                    "organisation": "Mairie de Dakar-Plateau – Service de l’état civil",
                    "story": "<p>A birth certificate now takes 24 hours instead of two weeks. The team redesigned the procedure with the families who use it and answers every complaint within five days.</p>",
                },
            ],
        },
        "fr": {
            "title": "Lauréats 2026",
            "slug": "laureats-2026",
            "cycle": "CX26",
            "intro": "Les organismes publics distingués par le jury indépendant lors des Prix CX 2026, annoncés lors de la Journée africaine de la fonction publique.",
            "stories": [
                {
                    "organisation": "Nairobi One-Stop Citizen Service Centre",
                    "story": "<p>Les habitants devaient passer par quatre bureaux pour déclarer une naissance, renouveler une carte d’identité et payer une licence. Le centre a réuni ces services sous un même toit avec un seul ticket, formé chaque agent à terminer une demande dès la première visite et publie chaque semaine ses temps d’attente. Le nombre moyen de visites par demande est passé de trois à une.</p>",
                },
                {
                    "organisation": "Rwanda Online Permits Service",
                    "story": "<p>Les permis de construire se demandent, se paient et se suivent désormais sur n’importe quel téléphone, y compris par SMS. Les demandeurs qui ont besoin d’aide sont reçus à des guichets d’accompagnement dans chaque district : le passage en ligne n’a laissé personne de côté.</p>",
                },
                {
                    "organisation": "Mairie de Dakar-Plateau – Service de l’état civil",
                    "story": "<p>Un acte de naissance s’obtient désormais en 24 heures au lieu de deux semaines. L’équipe a repensé la démarche avec les familles qui l’utilisent et répond à chaque réclamation sous cinq jours.</p>",
                },
            ],
        },
    },
    # ----------------------------------------------------------- open letter
    "open_letter": {
        "type": "OpenLetterPage",
        "show_in_menus": True,
        "en": {
            "title": "Open letter on the failing public sector customer experience in Africa",
            "menu_title": "Open letter",
            "slug": "open-letter",
            "intro": "On 19 January 2022 we published an open letter on the poor state of customer experience in Africa's public services, asking every stakeholder to act without delay.",
            "publication_date": "2022-01-19",
            "letter": (
                "<p><strong>To African governments and public-sector leaders, to members of parliament and regulators, to academics and journalists, and to every citizen of our continent,</strong></p>"
                "<p>Every day, people across Africa go to a public office to register a birth, renew an identity card, pay a tax, obtain a permit or simply ask for help. Too often, what should be a routine step becomes an ordeal: long queues, rules nobody explains, repeated journeys, lost files and staff who lack the means to help. The customer experience in our public services is failing the very people it exists to serve.</p>"
                "<p>This is not a question of comfort. Using public services is a fundamental right, and when that becomes hard, those who suffer most are the people with the least time, money and connections. Poor service also wears away trust. Citizens who feel ignored by their institutions are less willing to accept, and to support, the plans their governments put before them.</p>"
                "<p>It does not have to be this way. Hospitality is one of Africa's greatest strengths: we know how to welcome a guest with warmth and care. Our public offices can receive citizens in the same spirit. Experiences in several African countries already show that when public bodies listen to people, rebuild their procedures around them and measure the results, service gets better and confidence returns.</p>"
                "<p>We therefore call for urgent action:</p>"
                "<ul><li><strong>Governments and public-sector leaders:</strong> make the citizen's experience an explicit priority, with clear service standards, regular listening and published results.</li>"
                "<li><strong>Parliamentarians:</strong> propose and support laws that define what people are entitled to expect from a public office.</li>"
                "<li><strong>Regulators and quality bodies:</strong> set user-centred service standards for public bodies and check that they are respected.</li>"
                "<li><strong>Academia:</strong> study public-sector customer experience in each of our countries and teach it to future administrators.</li>"
                "<li><strong>Media:</strong> report on the public experience fairly and constructively, and give credit to the offices that get it right.</li>"
                "<li><strong>Citizens:</strong> share your experiences, good and bad, with ideas for improvement rather than blame, using #AfricaPublicExperience.</li></ul>"
                "<p>For our part, we will promote an annual Africa Public Sector CX Day, help create national spaces where good practices and citizen feedback can be shared, and launch awards that measure and celebrate the public bodies that serve people well.</p>"
                "<p>A public sector that lasts is built on the way it treats the people it serves. The time to act is now, and we invite you to co-sign this letter and to join us.</p>"
                "<p><strong>CX Touchpoints Group</strong>, organiser of the Africa Public Sector CX Awards program</p>"
            ),
            "signature_intro": "Do you share our concern? Add your name, or your organisation's, as a co-signatory and help show decision-makers that people expect change.",
            "body": [],
        },
        "fr": {
            "title": "Lettre ouverte sur la défaillance de l’expérience usager dans le secteur public en Afrique",
            "menu_title": "Lettre ouverte",
            "slug": "lettre-ouverte",
            "intro": "Le 19 janvier 2022, nous avons publié une lettre ouverte sur la mauvaise qualité de l’expérience usager dans les services publics africains, appelant tous les acteurs à agir sans attendre.",
            "publication_date": "2022-01-19",
            "letter": (
                "<p><strong>Aux gouvernements africains et aux dirigeants du secteur public, aux parlementaires et aux régulateurs, aux universitaires et aux journalistes, ainsi qu’à chaque citoyen de notre continent,</strong></p>"
                "<p>Chaque jour, partout en Afrique, des femmes et des hommes se rendent dans une administration pour déclarer une naissance, renouveler une carte d’identité, payer un impôt, obtenir une autorisation ou simplement demander de l’aide. Trop souvent, une formalité qui devrait être banale tourne au parcours du combattant : files d’attente interminables, règles que personne n’explique, allers-retours répétés, dossiers égarés, agents privés des moyens d’aider. L’expérience usager dans nos services publics fait défaut à ceux-là mêmes qu’ils sont censés servir.</p>"
                "<p>Il ne s’agit pas d’une question de confort. L’accès aux services publics est un droit humain fondamental ; lorsqu’il devient difficile, ce sont les personnes qui ont le moins de temps, d’argent et de relations qui en pâtissent le plus. Un service médiocre érode aussi la confiance : le citoyen qui se sent ignoré par ses institutions est moins enclin à accepter, et encore moins à soutenir, les projets que lui propose son gouvernement.</p>"
                "<p>Cette situation n’est pas une fatalité. L’hospitalité compte parmi les plus grandes forces de l’Afrique : nous savons accueillir un hôte avec chaleur et attention. Nos administrations peuvent recevoir les citoyens dans le même esprit. Des expériences menées dans plusieurs pays africains le prouvent déjà : lorsque les organismes publics écoutent la population, repensent leurs procédures autour d’elle et mesurent les résultats, le service s’améliore et la confiance revient.</p>"
                "<p>Nous appelons donc à une action urgente :</p>"
                "<ul><li><strong>Gouvernements et dirigeants du secteur public :</strong> faites de l’expérience du citoyen une priorité affichée, avec des normes de service claires, une écoute régulière et des résultats rendus publics.</li>"
                "<li><strong>Parlementaires :</strong> proposez et soutenez des lois qui précisent ce que chacun est en droit d’attendre d’une administration.</li>"
                "<li><strong>Régulateurs et organismes de qualité :</strong> élaborez des normes d’expérience usager pour les services publics et veillez à leur application.</li>"
                "<li><strong>Universitaires :</strong> étudiez l’expérience usager dans le secteur public de chacun de nos pays et enseignez-la aux futurs administrateurs.</li>"
                "<li><strong>Médias :</strong> rendez compte de l’expérience du service public avec équité et esprit constructif, et saluez les administrations qui font bien les choses.</li>"
                "<li><strong>Citoyens :</strong> partagez vos expériences, bonnes ou mauvaises, en proposant des pistes d’amélioration plutôt qu’en accablant, avec #AfricaPublicExperience.</li></ul>"
                "<p>De notre côté, nous porterons une Journée africaine annuelle de l’expérience usager dans le secteur public, nous contribuerons à créer dans chaque pays des espaces d’échange de bonnes pratiques et de recueil des avis citoyens, et nous lancerons des prix qui mesurent et récompensent les organismes publics qui servent bien la population.</p>"
                "<p>Un secteur public durable se construit d’abord sur la manière dont il traite ceux qu’il sert. Le moment d’agir, c’est maintenant : nous vous invitons à cosigner cette lettre et à nous rejoindre.</p>"
                "<p><strong>CX Touchpoints Group</strong>, organisateur du programme des Prix africains de l’expérience usager dans le secteur public</p>"
            ),
            "signature_intro": "Vous partagez notre préoccupation ? Ajoutez votre nom, ou celui de votre organisation, à la liste des cosignataires et montrez aux décideurs que la population attend du changement.",
            "body": [],
        },
    },
    # ---------------------------------------------------------------- CX Day
    "cx_day": {
        "type": "CXDayPage",
        "show_in_menus": True,
        "en": {
            "title": "Africa Public Sector CX Day",
            "menu_title": "CX Day",
            "slug": "public-sector-cx-day",
            "intro": "One day a year devoted to the experience people have when they use public services. Join an activity near you, or organise your own, in person or online.",
            "event_date": "2027-06-23",
            "start_time": "09:00",
            "end_time": "17:00",
            "time_zone": "Africa/Douala",
            "activities": [
                {
                    "country": "CM",
                    "city": "Douala",
                    "title": "Open-counter morning",
                    "description": "A participating public office opens early, walks visitors through its procedures and collects their suggestions on the spot.",
                    "organiser": "Local CX volunteers",
                },
                {
                    "country": "SN",
                    "city": "Dakar",
                    "title": "Citizen feedback booth",
                    "description": "Volunteers set up a stand near a busy service centre so that people can rate their visit in a few seconds, on paper or by text message.",
                    "organiser": "Baobab & Bytes Civic Lab",
                },
                {
                    "country": "KE",
                    "city": "Nairobi",
                    "title": "Frontline service design workshop",
                    "description": "A half-day workshop in which counter staff map a common procedure step by step and agree on quick improvements.",
                    "organiser": "Queue-Free Futures Foundation",
                },
                {
                    "country": "CI",
                    "city": "Abidjan",
                    "title": "Student debate: what makes a good public service?",
                    "description": "Students in law, management and public administration debate the citizen's point of view in front of an audience of public servants.",
                    "organiser": "University students' CX club",
                },
                {
                    "country": "GH",
                    "city": "Accra",
                    "title": "Radio phone-in on public services",
                    "description": "Listeners call in to share their experiences and suggestions, with guests from the public service and the customer experience field.",
                    "organiser": "Harmattan Wave Media",
                },
                {
                    "country": "RW",
                    "city": "Kigali",
                    "title": "Metrics clinic for public managers",
                    "description": "A practical session on NPS, Customer Effort Score and first-contact resolution, and on how to start measuring with limited means.",
                    "organiser": "Listening Drum Research Centre",
                },
            ],
            "body": [
                ("heading", {"text": "How to take part", "level": "h2"}),
                (
                    "card_grid",
                    {
                        "title": "",
                        "cards": [
                            {
                                "title": "Individuals",
                                "text": "Post about a public service that worked well for you, or one that could do better and how, with #AfricaPublicExperience. Share the program's messages and sign the pledge.",
                                "page": "pledge",
                            },
                            {
                                "title": "Companies and organisations",
                                "text": "Sponsor or host an activity, lend a venue, equipment or expertise, or encourage your staff to volunteer on the day.",
                                "page": "partners",
                            },
                            {
                                "title": "Public offices",
                                "text": "Open your doors, hold a workshop or training session with the program's guides, thank your frontline teams and ask users for their views.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "CX Day questions",
                        "items": [
                            {
                                "question": "How do I add my activity to the list?",
                                "answer": '<p>Email <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> with the city, the title, a short description and the name of the organiser. We will add it after a quick check.</p>',
                            },
                            {
                                "question": "Which time zone do the times refer to?",
                                "answer": "<p>The times shown are those of Douala (West Africa Time, UTC+1). Local activities follow their own local time.</p>",
                            },
                            {
                                "question": "Is CX Day a public holiday?",
                                "answer": "<p>No. It is a day of awareness: public offices stay open, and that is the point, since it is the best moment to show good service in action.</p>",
                            },
                            {
                                "question": "Does it cost anything to organise an activity?",
                                "answer": "<p>Registering an activity is free. Many activities need only a room, a few volunteers and the free guides provided by the program.</p>",
                            },
                        ],
                    },
                ),
            ],
        },
        "fr": {
            "title": "Journée africaine de l’expérience usager dans le secteur public",
            "menu_title": "Journée CX",
            "slug": "journee-cx-du-secteur-public",
            "intro": "Une journée par an consacrée à l’expérience vécue par les usagers des services publics. Participez à une activité près de chez vous ou organisez la vôtre, sur place ou en ligne.",
            "event_date": "2027-06-23",
            "start_time": "09:00",
            "end_time": "17:00",
            "time_zone": "Africa/Douala",
            "activities": [
                {
                    "country": "CM",
                    "city": "Douala",
                    "title": "Matinée guichets ouverts",
                    "description": "Une administration participante ouvre plus tôt, présente ses procédures aux visiteurs et recueille leurs suggestions sur place.",
                    "organiser": "Bénévoles CX locaux",
                },
                {
                    "country": "SN",
                    "city": "Dakar",
                    "title": "Stand d’avis citoyens",
                    "description": "Des bénévoles installent un stand près d’un centre de services très fréquenté pour que chacun puisse noter sa visite en quelques secondes, sur papier ou par SMS.",
                    "organiser": "Baobab & Bytes Civic Lab",
                },
                {
                    "country": "KE",
                    "city": "Nairobi",
                    "title": "Atelier de conception du service au guichet",
                    "description": "Un atelier d’une demi-journée où les agents d’accueil décrivent pas à pas une démarche courante et s’accordent sur des améliorations rapides.",
                    "organiser": "Queue-Free Futures Foundation",
                },
                {
                    "country": "CI",
                    "city": "Abidjan",
                    "title": "Débat étudiant : qu’est-ce qu’un bon service public ?",
                    "description": "Des étudiants en droit, en gestion et en administration publique défendent le point de vue du citoyen devant un public d’agents de l’État.",
                    "organiser": "Club CX des étudiants de l’université",
                },
                {
                    "country": "GH",
                    "city": "Accra",
                    "title": "Émission radio interactive sur les services publics",
                    "description": "Les auditeurs appellent pour raconter leurs expériences et proposer des idées, en présence d’invités issus du service public et du monde de l’expérience client.",
                    "organiser": "Harmattan Wave Media",
                },
                {
                    "country": "RW",
                    "city": "Kigali",
                    "title": "Atelier indicateurs pour les responsables publics",
                    "description": "Une séance pratique sur le NPS, le score d’effort client et la résolution au premier contact, et sur la façon de commencer à mesurer avec peu de moyens.",
                    "organiser": "Listening Drum Research Centre",
                },
            ],
            "body": [
                ("heading", {"text": "Comment participer", "level": "h2"}),
                (
                    "card_grid",
                    {
                        "title": "",
                        "cards": [
                            {
                                "title": "Particuliers",
                                "text": "Parlez d’un service public qui vous a bien servi, ou d’un service qui pourrait mieux faire et comment, avec #AfricaPublicExperience. Relayez les messages du programme et signez l’engagement.",
                                "page": "pledge",
                            },
                            {
                                "title": "Entreprises et organisations",
                                "text": "Parrainez ou accueillez une activité, prêtez une salle, du matériel ou votre expertise, ou encouragez vos équipes à faire du bénévolat ce jour-là.",
                                "page": "partners",
                            },
                            {
                                "title": "Administrations",
                                "text": "Ouvrez vos portes, organisez un atelier ou une formation à l’aide des guides du programme, remerciez vos équipes d’accueil et demandez l’avis des usagers.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Questions sur la Journée CX",
                        "items": [
                            {
                                "question": "Comment inscrire mon activité ?",
                                "answer": '<p>Écrivez à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> en précisant la ville, le titre, une brève description et le nom de l’organisateur. Nous l’ajouterons après une rapide vérification.</p>',
                            },
                            {
                                "question": "À quel fuseau horaire correspondent les horaires ?",
                                "answer": "<p>Les horaires indiqués sont ceux de Douala (heure d’Afrique de l’Ouest, UTC+1). Chaque activité locale suit l’heure de son pays.</p>",
                            },
                            {
                                "question": "La Journée CX est-elle un jour férié ?",
                                "answer": "<p>Non. C’est une journée de sensibilisation : les administrations restent ouvertes, et c’est justement le meilleur moment pour montrer un bon service en action.</p>",
                            },
                            {
                                "question": "Organiser une activité est-il payant ?",
                                "answer": "<p>L’inscription d’une activité est gratuite. Bien souvent, il suffit d’une salle, de quelques bénévoles et des guides gratuits fournis par le programme.</p>",
                            },
                        ],
                    },
                ),
            ],
        },
    },
    # ---------------------------------------------------------------- pledge
    "pledge": {
        "type": "PledgePage",
        "show_in_menus": True,
        "en": {
            "title": "Take the pledge",
            "slug": "pledge",
            "intro": "Sign the Africa public sector customer experience pledge and add your voice to those calling for better public services.",
            "pledge_text": "<p>By signing this pledge, I commit to:</p><ol><li>treat the quality of public services as a shared responsibility and speak about it constructively;</li><li>share my experiences of public services with concrete ideas for improvement, using #AfricaPublicExperience;</li><li>recognise and support the public servants and offices that make service better;</li><li>encourage decision-makers to listen to citizens and to measure the experience they provide;</li><li>help spread the word so that more people join the movement.</li></ol>",
            "body": [
                ("heading", {"text": "What each signatory commits to", "level": "h2"}),
                ("heading", {"text": "Individuals", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>Take part in the online conversation with #AfricaPublicExperience, describing your experience of public services and focusing on what could be improved and how, rather than on blame.</li><li>Sign the pledge, so that the number of supporters helps us show how widespread the problem is and argue for solutions.</li><li>Like, comment on and share the program's posts and materials to reach more people.</li></ul>",
                ),
                ("heading", {"text": "Companies and organisations", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>Join CX Touchpoints Group as a partner in its awareness work; every partner's logo is shown on our partners page.</li><li>Put tools, funding and specialist skills at the service of public bodies that want to serve people better, in one country or across the continent.</li><li>Fund the program's initiatives and awareness campaigns, events held on CX Day, and projects run with public services in individual countries.</li></ul>",
                ),
                ("heading", {"text": "Public sector organisations", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>State publicly your intention to place customer experience at the heart of your work, and commit to improving it continuously.</li><li>Join the initiative as a partner and give it your official endorsement, as a sign of your organisation's or your country's commitment.</li><li>Run workshops, awareness campaigns and training sessions built on the program's free guides and materials.</li><li>Use the program's guides in your own transformation projects.</li></ul><p>Organisations choose whether their name appears on the public list of signatories.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Want to do more?",
                        "text": "Companies and institutions can support the program as partners or sponsors.",
                        "page": "partners",
                        "label": "Become a partner",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Prendre l’engagement",
            "slug": "engagement",
            "intro": "Signez l’engagement africain pour l’expérience usager dans le secteur public et joignez votre voix à celles qui réclament de meilleurs services publics.",
            "pledge_text": "<p>En signant cet engagement, je m’engage à :</p><ol><li>considérer la qualité des services publics comme une responsabilité partagée et en parler de manière constructive ;</li><li>partager mes expériences des services publics en proposant des améliorations concrètes, avec #AfricaPublicExperience ;</li><li>reconnaître et soutenir les agents et les services publics qui améliorent l’accueil ;</li><li>inciter les décideurs à écouter les citoyens et à mesurer l’expérience qu’ils leur offrent ;</li><li>faire connaître la démarche autour de moi pour que d’autres la rejoignent.</li></ol>",
            "body": [
                ("heading", {"text": "À quoi s’engage chaque signataire", "level": "h2"}),
                ("heading", {"text": "Particuliers", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>Participer aux échanges en ligne avec #AfricaPublicExperience en racontant votre expérience des services publics, en insistant sur ce qui pourrait être amélioré et comment, plutôt qu’en désignant des coupables.</li><li>Signer l’engagement : le nombre de signataires nous aide à montrer l’ampleur du problème et à plaider pour des solutions.</li><li>Aimer, commenter et partager les publications et les supports du programme pour toucher davantage de monde.</li></ul>",
                ),
                ("heading", {"text": "Entreprises et organisations", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>S’associer à CX Touchpoints Group dans ses actions de sensibilisation ; le logo des partenaires figure sur la page qui leur est consacrée.</li><li>Mettre à disposition des plateformes, des ressources et un savoir-faire technique pour aider les organismes publics à mieux servir, dans un pays ou à l’échelle du continent.</li><li>Parrainer les initiatives du programme, les campagnes de sensibilisation, les activités de la Journée CX et les actions menées avec les services publics de chaque pays.</li></ul>",
                ),
                ("heading", {"text": "Organismes du secteur public", "level": "h3"}),
                (
                    "paragraph",
                    "<ul><li>Affirmer publiquement votre volonté de placer l’expérience usager au cœur de votre action et vous engager à l’améliorer sans cesse.</li><li>Devenir partenaire de l’initiative et lui apporter votre caution, en signe de l’engagement de votre organisation ou de votre pays.</li><li>Organiser ateliers, campagnes de sensibilisation et sessions de formation à l’aide des guides et ressources du programme.</li><li>Utiliser les guides du programme dans vos propres projets de transformation.</li></ul><p>Chaque organisation choisit si son nom apparaît ou non sur la liste publique des signataires.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Envie d’aller plus loin ?",
                        "text": "Entreprises et institutions peuvent soutenir le programme en tant que partenaires ou sponsors.",
                        "page": "partners",
                        "label": "Devenir partenaire",
                    },
                ),
            ],
        },
    },
    # -------------------------------------------------------------- partners
    "partners": {
        "type": "PartnersPage",
        "show_in_menus": True,
        "en": {
            "title": "Partners",
            "slug": "partners",
            "intro": "The program relies on companies, institutions and media that share our conviction that public services in Africa can and must serve people better.",
            "body": [
                ("heading", {"text": "Why partner with us", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><strong>Make a visible difference</strong> to how millions of citizens experience their public services.</li><li><strong>Show your commitment</strong>: your logo appears on this page and on program materials, according to your partnership level.</li><li><strong>Meet the people who matter</strong>: public leaders, regulators, researchers and CX professionals from across the continent.</li><li><strong>Share your expertise</strong> where it is most needed, in one country or across Africa.</li></ul>",
                ),
                ("heading", {"text": "What partners do", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Partners team up with CX Touchpoints Group to run awareness campaigns, put tools, funding and specialist skills at the disposal of public bodies, and sponsor program initiatives such as the CX Awards, CX Day activities and country-level actions. Public organisations can also become partners and add their seal of approval to the project. Media partners help tell the stories behind the awards.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Let's talk",
                        "text": "Tell us about your organisation and the kind of partnership you have in mind. We reply to every enquiry.",
                        "page": "partner_enquiry",
                        "label": "Send an enquiry",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Partenaires",
            "slug": "partenaires",
            "intro": "Le programme s’appuie sur des entreprises, des institutions et des médias convaincus, comme nous, que les services publics africains peuvent et doivent mieux servir la population.",
            "body": [
                ("heading", {"text": "Pourquoi devenir partenaire", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><strong>Contribuer de façon visible</strong> à améliorer l’expérience de millions de citoyens avec leurs services publics.</li><li><strong>Affirmer votre engagement</strong> : votre logo figure sur cette page et sur les supports du programme, selon votre niveau de partenariat.</li><li><strong>Rencontrer les bons interlocuteurs</strong> : dirigeants publics, régulateurs, chercheurs et professionnels de l’expérience client de tout le continent.</li><li><strong>Mettre votre expertise</strong> là où elle est le plus utile, dans un pays ou à l’échelle de l’Afrique.</li></ul>",
                ),
                ("heading", {"text": "Le rôle des partenaires", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les partenaires s’associent à CX Touchpoints Group dans les campagnes de sensibilisation, mettent des plateformes, des ressources et un savoir-faire technique à la disposition des organismes publics, et parrainent les initiatives du programme : Prix CX, activités de la Journée CX, actions nationales. Les organismes publics peuvent eux aussi devenir partenaires et apporter leur caution au projet. Les médias partenaires, eux, font connaître les histoires qui se cachent derrière les prix.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Parlons-en",
                        "text": "Présentez-nous votre organisation et le type de partenariat envisagé. Nous répondons à chaque demande.",
                        "page": "partner_enquiry",
                        "label": "Envoyer une demande",
                    },
                ),
            ],
        },
    },
    "partner_enquiry": {
        "type": "EnquiryFormPage",
        "parent": "partners",
        "en": {
            "title": "Partner and sponsor enquiry",
            "slug": "become-a-partner",
            "intro": "Interested in sponsoring, partnering with or covering the program? Fill in this short form and our team will get back to you.",
            "body": [
                (
                    "paragraph",
                    '<p>You can also reach us directly at <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> or by phone on +237 651 781 862.</p>',
                ),
            ],
            "thank_you_text": "<p><strong>Thank you for your enquiry.</strong></p><p>We have received your message and a member of the CX Touchpoints Group team will reply by email, usually within five working days.</p>",
            "fields": [
                {
                    "label": "Full name",
                    "field_type": "singleline",
                    "required": True,
                    "choices": "",
                    "help_text": "",
                },
                {
                    "label": "Organisation",
                    "field_type": "singleline",
                    "required": True,
                    "choices": "",
                    "help_text": "Company, institution or media outlet you represent.",
                },
                {
                    "label": "Email address",
                    "field_type": "email",
                    "required": True,
                    "choices": "",
                    "help_text": "We will only use it to reply to your enquiry.",
                },
                {
                    "label": "Phone number",
                    "field_type": "phone",
                    "required": False,
                    "choices": "",
                    "help_text": "Optional. Please include the country code, for example +237.",
                },
                {
                    "label": "Type of enquiry",
                    "field_type": "dropdown",
                    "required": True,
                    "choices": "Sponsorship,Partnership,Media,Other",
                    "help_text": "",
                },
                {
                    "label": "Message",
                    "field_type": "multiline",
                    "required": True,
                    "choices": "",
                    "help_text": "Tell us briefly what you have in mind and in which countries.",
                },
            ],
        },
        "fr": {
            "title": "Demande de partenariat ou de parrainage",
            "slug": "devenir-partenaire",
            "intro": "Vous souhaitez parrainer le programme, vous y associer ou le couvrir dans vos médias ? Remplissez ce court formulaire et notre équipe vous répondra.",
            "body": [
                (
                    "paragraph",
                    '<p>Vous pouvez aussi nous écrire directement à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> ou nous appeler au +237 651 781 862.</p>',
                ),
            ],
            "thank_you_text": "<p><strong>Merci pour votre demande.</strong></p><p>Nous avons bien reçu votre message. Un membre de l’équipe de CX Touchpoints Group vous répondra par courriel, en général sous cinq jours ouvrables.</p>",
            "fields": [
                {
                    "label": "Nom complet",
                    "field_type": "singleline",
                    "required": True,
                    "choices": "",
                    "help_text": "",
                },
                {
                    "label": "Organisation",
                    "field_type": "singleline",
                    "required": True,
                    "choices": "",
                    "help_text": "Entreprise, institution ou média que vous représentez.",
                },
                {
                    "label": "Adresse électronique",
                    "field_type": "email",
                    "required": True,
                    "choices": "",
                    "help_text": "Elle servira uniquement à vous répondre.",
                },
                {
                    "label": "Numéro de téléphone",
                    "field_type": "phone",
                    "required": False,
                    "choices": "",
                    "help_text": "Facultatif. Merci d’indiquer l’indicatif du pays, par exemple +237.",
                },
                {
                    "label": "Objet de la demande",
                    "field_type": "dropdown",
                    "required": True,
                    "choices": "Parrainage,Partenariat,Médias,Autre",
                    "help_text": "",
                },
                {
                    "label": "Message",
                    "field_type": "multiline",
                    "required": True,
                    "choices": "",
                    "help_text": "Décrivez brièvement votre projet et les pays concernés.",
                },
            ],
        },
    },
    # ------------------------------------------------------------------ news
    "news": {
        "type": "NewsIndexPage",
        "show_in_menus": True,
        "en": {
            "title": "News",
            "slug": "news",
            "intro": "Program updates and stories of public bodies across Africa that are improving the experience of the people they serve.",
            "body": [],
        },
        "fr": {
            "title": "Actualités",
            "slug": "actualites",
            "intro": "Les nouvelles du programme et des exemples d’organismes publics africains qui améliorent l’expérience des personnes qu’ils servent.",
            "body": [],
        },
    },
    "news_open_letter": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "We publish an open letter on the failing public sector customer experience in Africa",
            "slug": "open-letter-published",
            "date": "2022-01-19",
            "intro": "CX Touchpoints Group today released an open letter calling on governments, lawmakers, regulators, academia, media and citizens to act urgently on the quality of public services.",
            "body": [
                (
                    "paragraph",
                    "<p>The letter describes the everyday difficulties people face when dealing with public offices across the continent and explains why they matter: access to public services is a basic right, and poor service undermines trust in public institutions.</p>",
                ),
                (
                    "paragraph",
                    "<p>It sets out a specific request for each group of stakeholders, from clear service standards and new legislation to research, constructive media coverage and citizen feedback shared under <strong>#AfricaPublicExperience</strong>. It also announces the program's next steps: an annual Africa Public Sector CX Day, national platforms for best practices and feedback, and the CX Awards.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Read the full letter",
                        "text": "Find the complete text and add your name as a co-signatory.",
                        "page": "open_letter",
                        "label": "Read and co-sign",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Go one step further",
                        "text": "Sign the pledge as an individual, a company or a public organisation.",
                        "page": "pledge",
                        "label": "Sign the pledge",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Nous publions une lettre ouverte sur la défaillance de l’expérience usager dans le secteur public en Afrique",
            "slug": "publication-de-la-lettre-ouverte",
            "date": "2022-01-19",
            "intro": "CX Touchpoints Group a rendu publique ce jour une lettre ouverte qui appelle gouvernements, législateurs, régulateurs, universitaires, médias et citoyens à agir d’urgence sur la qualité des services publics.",
            "body": [
                (
                    "paragraph",
                    "<p>La lettre décrit les difficultés que rencontrent quotidiennement les usagers des administrations du continent et explique pourquoi elles sont graves : l’accès aux services publics est un droit fondamental, et un service défaillant sape la confiance dans les institutions.</p>",
                ),
                (
                    "paragraph",
                    "<p>Elle adresse une demande précise à chaque catégorie d’acteurs : normes de service claires, nouvelles lois, travaux de recherche, couverture médiatique constructive, avis citoyens partagés avec <strong>#AfricaPublicExperience</strong>. Elle annonce aussi les prochaines étapes du programme : une Journée africaine annuelle de l’expérience usager dans le secteur public, des plateformes nationales de bonnes pratiques et d’avis, et les Prix CX.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Lire la lettre complète",
                        "text": "Consultez le texte intégral et ajoutez votre nom à la liste des cosignataires.",
                        "page": "open_letter",
                        "label": "Lire et cosigner",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Allez plus loin",
                        "text": "Signez l’engagement à titre personnel, au nom d’une entreprise ou d’un organisme public.",
                        "page": "pledge",
                        "label": "Signer l’engagement",
                    },
                ),
            ],
        },
    },
    "news_gauteng": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "Gauteng's citizen-first programme wins an omni-channel award",
            "slug": "gauteng-omni-channel-award",
            "date": "2017-08-18",
            "intro": "In August 2017 the Office of the Premier of Gauteng, South Africa, received an award for serving citizens consistently across every channel.",
            "body": [
                (
                    "paragraph",
                    "<p>According to a report by Bizcommunity dated 18 August 2017, the Gauteng Office of the Premier took home the Omni-channel Champion Award when CX prizes were presented at the 6th Customer Experience Management Africa Summit, which took place in Cape Town. The prize recognised a provincial government that understands its citizens, the channels they prefer and where they stand in their dealings with the administration.</p>",
                ),
                ("heading", {"text": "Listening before planning", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The report explains that Phakiso Tlali, who heads customer experience for the Gauteng provincial government, presented the thinking behind this citizen-first approach. The province, which has the largest population in South Africa, sent about 3,800 community development workers door to door across its 580 wards to learn which services residents needed most urgently, then mapped those needs so that planning and resources could follow them.</p>",
                ),
                (
                    "paragraph",
                    "<p>The Premier's service delivery programme is called <em>Ntirhisano</em>, a word meaning \u201cworking together\u201d. As reported, it brings together a public liaison hotline, an integrated rapid response system, a central unit that tracks problems until they are solved, and an outreach programme through which the Premier meets communities every month. Call centres were combined, and local centres were opened where residents can raise service complaints with staff who have the authority to act.</p>",
                ),
                (
                    "paragraph",
                    "<p>Tlali described three levers for the change: people (self-directed teams and values-based leadership), processes (decentralised decision-making) and technology (scalable information systems). For our program, Gauteng's story illustrates why the omni-channel category matters: whichever door a citizen knocks on, the answer should be just as good.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Know a public body like this?",
                        "text": "Nominations for the CX Awards are free and open to public bodies in all 54 African states.",
                        "page": "awards",
                        "label": "About the CX Awards",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Le programme « le citoyen d’abord » du Gauteng récompensé pour son approche omnicanale",
            "slug": "gauteng-prix-omnicanal",
            "date": "2017-08-18",
            "intro": "En août 2017, le Bureau du Premier ministre de la province du Gauteng, en Afrique du Sud, a été primé pour la qualité constante du service rendu aux citoyens sur tous les canaux.",
            "body": [
                (
                    "paragraph",
                    "<p>D’après un article de Bizcommunity daté du 18 août 2017, le Bureau du Premier ministre du Gauteng a reçu l'« Omni-channel Champion Award » lors de la remise des prix de l’expérience client organisée pendant le 6e sommet Customer Experience Management Africa, au Cap. Cette distinction saluait une administration provinciale qui connaît ses citoyens, les canaux qu’ils privilégient et l’étape où ils se trouvent dans leurs démarches.</p>",
                ),
                ("heading", {"text": "Écouter avant de planifier", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Selon l’article, Phakiso Tlali, directeur de l’expérience client du gouvernement du Gauteng, a présenté la logique de cette démarche centrée sur le citoyen. La province, la plus peuplée d’Afrique du Sud, a envoyé quelque 3 800 agents de développement communautaire à la rencontre des ménages de ses 580 circonscriptions afin d’identifier les besoins les plus urgents, puis a cartographié ces besoins pour que la planification et les moyens suivent.</p>",
                ),
                (
                    "paragraph",
                    "<p>Le programme de prestation de services du Premier ministre s’appelle <em>Ntirhisano</em>, qui signifie « travailler ensemble ». D’après l’article, il associe une ligne directe de liaison avec le public, un système intégré d’intervention rapide, une cellule centrale qui suit chaque problème jusqu’à sa résolution et un programme de proximité par lequel le Premier ministre rencontre les communautés chaque mois. Les centres d’appels ont été regroupés et des centres locaux ouverts, où les habitants peuvent signaler un dysfonctionnement à des agents habilités à agir.</p>",
                ),
                (
                    "paragraph",
                    "<p>Phakiso Tlali a décrit trois leviers : les personnes (équipes autonomes, leadership fondé sur des valeurs), les processus (décisions décentralisées) et la technologie (systèmes d’information évolutifs). Pour notre programme, l’exemple du Gauteng montre tout l’intérêt de la catégorie omnicanale : quelle que soit la porte à laquelle frappe le citoyen, la réponse doit être aussi bonne.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Vous connaissez un organisme public de ce type ?",
                        "text": "Les candidatures aux Prix CX sont gratuites et ouvertes aux organismes publics des 54 États africains.",
                        "page": "awards",
                        "label": "Découvrir les Prix CX",
                    },
                ),
            ],
        },
    },
    "news_western_cape": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "\u201cLess red tape, more red carpet\u201d: how the Western Cape treats citizens as customers",
            "slug": "western-cape-red-tape-reduction",
            "date": "2019-06-12",
            "intro": "A senior Western Cape official has explained how his provincial government redesigned key moments in people's lives around their needs, starting with opening a business.",
            "body": [
                (
                    "paragraph",
                    "<p>According to an account of a customer experience conference published online, Rashid Toefy, deputy director-general of the Western Cape Government's Department of Economic Development and Tourism in South Africa, told the audience that he regards the province's residents as customers of the government rather than as anonymous constituents.</p>",
                ),
                ("heading", {"text": "Starting from life's milestones", "level": "h2"}),
                (
                    "paragraph",
                    "<p>His team began by listing the moments in life when people need something from government, such as a birth, a marriage, the creation of a business or a death, and then asked how each of those moments could become a positive experience.</p>",
                ),
                ("heading", {"text": "A unit to cut red tape", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Because the department's first mandate is job creation, and because governments enable jobs more than they create them, the team gave priority to people starting a business. This led to a Red Tape Reduction unit whose motto is \u201cLess red tape, more red carpet\u201d. It helps entrepreneurs obtain the permits and licences they need much faster; the case studies presented showed far shorter turnaround times. The account also mentions an app under development to let people handle documents and information with the government without queuing. The lesson for other public bodies: start from citizens' life events, choose the one that matters most and measure how long it takes.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Share what works",
                        "text": "Has your office cut delays or simplified a procedure? Help others learn from it.",
                        "page": "action_best_practices",
                        "label": "Sharing best practices",
                    },
                ),
            ],
        },
        "fr": {
            "title": "« Less red tape, more red carpet » : quand le Cap-Occidental traite les citoyens en clients",
            "slug": "cap-occidental-reduction-des-formalites",
            "date": "2019-06-12",
            "intro": "Un haut responsable du Cap-Occidental a expliqué comment son gouvernement provincial a repensé les grandes étapes de la vie des habitants autour de leurs besoins, à commencer par la création d’entreprise.",
            "body": [
                (
                    "paragraph",
                    "<p>Selon le compte rendu d’une conférence sur l’expérience client publié en ligne, Rashid Toefy, directeur général adjoint du département du Développement économique et du Tourisme du gouvernement du Cap-Occidental, en Afrique du Sud, a déclaré qu’il considère les habitants de la province comme les clients de l’administration et non comme des administrés anonymes.</p>",
                ),
                ("heading", {"text": "Partir des grandes étapes de la vie", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Son équipe a d’abord recensé les moments de la vie où l’on a besoin de l’administration : naissance, mariage, création d’entreprise, décès. Elle s’est ensuite demandé comment faire de chacun de ces moments une expérience positive.</p>",
                ),
                ("heading", {"text": "Une cellule pour alléger les formalités", "level": "h2"}),
                (
                    "paragraph",
                    "<p>La création d’emplois étant la première mission du département, et l’État favorisant l’emploi plus qu’il ne le crée, l’équipe a donné la priorité aux créateurs d’entreprise. C’est ainsi qu’est née une cellule de réduction des formalités administratives, la Red Tape Reduction unit, dont la devise est « Less red tape, more red carpet » (moins de paperasse, plus de tapis rouge). Elle aide les entrepreneurs à obtenir bien plus vite les permis et licences nécessaires ; les cas présentés faisaient état de délais de traitement nettement réduits. Le compte rendu évoque aussi une application en préparation pour effectuer ses démarches sans faire la queue. La leçon pour les autres administrations : partir des événements de vie des citoyens, choisir le plus important et mesurer le temps qu’il faut pour le traiter.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Partagez ce qui fonctionne",
                        "text": "Votre service a réduit ses délais ou simplifié une démarche ? Aidez les autres à s’en inspirer.",
                        "page": "action_best_practices",
                        "label": "Partage des bonnes pratiques",
                    },
                ),
            ],
        },
    },
    "news_kenya_huduma": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "Kenya's Institute of Customer Experience welcomes the growth of Huduma Centres",
            "slug": "kenya-huduma-centres",
            "date": "2022-10-07",
            "intro": "Kenya's Institute of Customer Experience has praised the government's investment in customer care, while a speaker named Kenya, Rwanda and South Africa among the continent's rising CX nations.",
            "body": [
                (
                    "paragraph",
                    "<p>As reported by the Kenyan daily The Star, the Institute of Customer Experience (ICX) applauded the government for putting money into customer care, a field that used to be seen as a private-sector concern. The institute praised the opening of more Huduma Centres around the country as well as the new customer care desks in public departments, and offered to join forces with the authorities to raise service standards.</p>",
                ),
                ("heading", {"text": "People and professional standards", "level": "h2"}),
                (
                    "paragraph",
                    "<p>At the continent's annual customer experience week, held that year in Naivasha, ICX board member Sheila Mugusia pointed to certification as a major challenge: unlike other professions, the sector has no regulator. She urged institutions to invest in their staff. Fellow board member Wavi Mungala described how the discipline has moved from customer care to customer service and now to customer experience, and welcomed the new Huduma Centres as a response to growing public demand. According to the article, the institute also noted that the sector was recovering from the Covid-19 pandemic.</p>",
                ),
                (
                    "paragraph",
                    "<p>Chantel Botha, managing director of Brandlove, named Kenya, Rwanda and South Africa among the countries making the fastest progress in customer experience on the continent, and announced a partnership with the ICX to train its members.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Standards for public service",
                        "text": "Our work with regulators and quality bodies aims to give public-sector CX clear, shared standards.",
                        "page": "action_regulators",
                        "label": "Regulatory bodies",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Kenya : l’Institut de l’expérience client salue l’essor des Huduma Centres",
            "slug": "kenya-centres-huduma",
            "date": "2022-10-07",
            "intro": "L’Institut kényan de l’expérience client a salué l’investissement du gouvernement dans la relation usager, tandis qu’une intervenante a cité le Kenya, le Rwanda et l’Afrique du Sud parmi les pays africains en progrès.",
            "body": [
                (
                    "paragraph",
                    "<p>Comme l’a rapporté le quotidien kényan The Star, l’Institute of Customer Experience (ICX) s’est félicité de la décision du gouvernement d’investir dans la relation usager, un domaine longtemps réservé pour l’essentiel au secteur privé. L’institut a salué l’ouverture de nouveaux Huduma Centres, des guichets uniques de services publics, dans tout le pays, ainsi que la création de bureaux d’accueil dans les ministères, et s’est dit prêt à collaborer avec le gouvernement.</p>",
                ),
                ("heading", {"text": "Les compétences et la certification", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Lors de la semaine africaine annuelle de l’expérience client, à Naivasha, Sheila Mugusia, membre du conseil d’administration de l’ICX, a souligné le défi de la certification : contrairement à d’autres professions, le secteur ne dispose d’aucun régulateur. Elle a invité les institutions à investir dans leur personnel. Wavi Mungala, également administratrice, a rappelé que la discipline est passée de la gestion de la clientèle au service client, puis à l’expérience client, et a salué les nouveaux Huduma Centres comme une réponse à la demande croissante de la population. D’après l’article, l’institut a aussi relevé que le secteur se remettait de la pandémie de Covid-19.</p>",
                ),
                (
                    "paragraph",
                    "<p>Chantel Botha, directrice générale de Brandlove, a cité le Kenya, le Rwanda et l’Afrique du Sud parmi les pays du continent qui progressent le plus en matière d’expérience client, et annoncé un partenariat avec l’ICX pour former ses membres.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Des normes pour le service public",
                        "text": "Notre travail avec les régulateurs et les organismes de qualité vise à doter l’expérience usager de normes claires et partagées.",
                        "page": "action_regulators",
                        "label": "Organismes de régulation",
                    },
                ),
            ],
        },
    },
    "news_metrics": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "What should public services measure? Metrics and trends to watch",
            "slug": "what-to-measure-in-public-cx",
            "date": "2020-01-21",
            "intro": "Elections alone cannot tell a government how well it serves people. Here are the measures and trends that help public bodies listen to users all year round.",
            "body": [
                (
                    "paragraph",
                    "<p>For a long time, the only verdict most governments received on their service came at the ballot box: rare, and more a judgement on politicians than on the civil service that actually delivers. A 2020 analysis of customer experience trends in the public sector traces how this is changing: a focus on websites, mobile and social media in the 2000s, investment in customer relationship management and contact centres around 2010, then a move towards omni-channel service, workforce optimisation, predictive analysis and quality control from about 2015.</p>",
                ),
                ("heading", {"text": "Measures to start with", "level": "h2"}),
                (
                    "card_grid",
                    {
                        "title": "",
                        "cards": [
                            {
                                "title": "Net Promoter Score (NPS)",
                                "text": "How likely users are to speak well of a service to others. Simple to ask after any visit or call.",
                                "page": "",
                            },
                            {
                                "title": "Customer Effort Score",
                                "text": "How easy it was to get things done. For public services, effort is often the clearest sign of friction.",
                                "page": "",
                            },
                            {
                                "title": "First-contact resolution",
                                "text": "The share of requests settled at the first call, visit or message, without the user having to come back.",
                                "page": "",
                            },
                            {
                                "title": "Turnaround time",
                                "text": "How long a permit, certificate or refund takes from request to delivery. Easy to explain and to compare over time.",
                                "page": "",
                            },
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p><strong>Trends to watch.</strong> The same analysis points to governments buying dedicated CX strategies; to managing services like products across departmental silos; to inclusive, accessible forms and language; to call-back programmes, smarter routing and chatbots in contact centres; to collecting ideas from public servants themselves; and to the question of whether departments need a Chief Experience Officer alongside their Chief Information Officer.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Measurement at the heart of the awards",
                        "text": "CX Awards entries are judged on evidence such as NPS, Customer Effort Score, first-contact resolution and turnaround times.",
                        "page": "awards",
                        "label": "How judging works",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Que doivent mesurer les services publics ? Indicateurs et tendances à suivre",
            "slug": "que-mesurer-experience-usager",
            "date": "2020-01-21",
            "intro": "Les élections ne suffisent pas à dire à un gouvernement s’il sert bien la population. Voici les indicateurs et les tendances qui aident les organismes publics à écouter les usagers toute l’année.",
            "body": [
                (
                    "paragraph",
                    "<p>Pendant longtemps, le seul verdict que la plupart des gouvernements recevaient sur leur service tombait dans les urnes : un verdict rare, qui juge d’ailleurs davantage les élus que le service public dans son ensemble. Une analyse des tendances de l’expérience usager dans le secteur public, publiée en 2020, retrace cette évolution : priorité aux sites web, au mobile et aux réseaux sociaux dans les années 2000, investissements dans la gestion de la relation client et les centres de contact vers 2010, puis virage vers l’omnicanal, l’optimisation des effectifs, l’analyse prédictive et l’assurance qualité à partir de 2015 environ.</p>",
                ),
                ("heading", {"text": "Les indicateurs pour commencer", "level": "h2"}),
                (
                    "card_grid",
                    {
                        "title": "",
                        "cards": [
                            {
                                "title": "Net Promoter Score (NPS)",
                                "text": "La probabilité que l’usager dise du bien du service autour de lui. Une question simple à poser après chaque visite ou appel.",
                                "page": "",
                            },
                            {
                                "title": "Score d’effort client (CES)",
                                "text": "La facilité avec laquelle l’usager a pu accomplir sa démarche. Dans le service public, l’effort est souvent le signe le plus net d’un blocage.",
                                "page": "",
                            },
                            {
                                "title": "Résolution au premier contact",
                                "text": "La part des demandes réglées dès le premier appel, la première visite ou le premier message, sans que l’usager doive revenir.",
                                "page": "",
                            },
                            {
                                "title": "Délai de traitement",
                                "text": "Le temps écoulé entre la demande et la remise d’un permis, d’un certificat ou d’un remboursement. Facile à expliquer et à suivre dans la durée.",
                                "page": "",
                            },
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p><strong>Les tendances à suivre.</strong> La même analyse évoque des administrations qui commandent des stratégies d’expérience usager dédiées ; une gestion des services comme des produits, par-delà les cloisonnements entre ministères ; des formulaires et un langage inclusifs et accessibles ; des programmes de rappel, un routage plus intelligent et des agents conversationnels dans les centres de contact ; la collecte d’idées auprès des agents publics eux-mêmes ; et la question de savoir si les administrations ont besoin d’un directeur de l’expérience aux côtés de leur directeur des systèmes d’information.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "La mesure au cœur des prix",
                        "text": "Les candidatures aux Prix CX sont évaluées sur pièces : NPS, score d’effort client, résolution au premier contact, délais de traitement.",
                        "page": "awards",
                        "label": "Voir l’évaluation",
                    },
                ),
            ],
        },
    },
    # A campaign email (cms/campaigns/): its page is the web version, sent from the admin.
    "campaign_call_for_nominations": {
        "type": "CampaignEmailPage",
        "parent": "news",
        "en": {
            "title": "Nominations are open: show what your office changed for citizens",
            "slug": "campaign-nominations-open",
            "subject": "Nominations are open for the Public Sector CX Awards",
            "intro": "Public bodies across Africa can now nominate a service they improved for the people they serve.",
            "body": [
                (
                    "paragraph",
                    "<p>The awards recognise public offices that measured their users’ experience, acted on what they learnt and can show the difference: shorter queues, fewer repeat visits, answers on the first call.</p>",
                ),
                (
                    "paragraph",
                    "<ul><li>Any public body may nominate itself or another.</li><li>The form saves every step, so you can finish it over several days, on a phone.</li><li>Judges score each entry against a published rubric.</li></ul>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Read how entries are judged",
                        "text": "The categories, the rubric and the dates, in one page.",
                        "page": "awards",
                        "label": "See the awards",
                    },
                ),
            ],
        },
        "fr": {
            "title": "Les candidatures sont ouvertes : montrez ce que votre service a changé pour les usagers",
            "slug": "campagne-candidatures-ouvertes",
            "subject": "Les candidatures aux Prix CX du secteur public sont ouvertes",
            "intro": "Les organismes publics de tout le continent peuvent présenter un service qu’ils ont amélioré pour les personnes qu’ils servent.",
            "body": [
                (
                    "paragraph",
                    "<p>Les prix distinguent les services publics qui ont mesuré l’expérience de leurs usagers, agi sur ce qu’ils ont appris et peuvent montrer la différence : des files plus courtes, moins de visites répétées, une réponse dès le premier appel.</p>",
                ),
                (
                    "paragraph",
                    "<ul><li>Tout organisme public peut présenter sa candidature ou celle d’un autre.</li><li>Le formulaire enregistre chaque étape : vous pouvez le remplir en plusieurs jours, sur un téléphone.</li><li>Le jury note chaque dossier selon une grille publiée.</li></ul>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Comment les dossiers sont évalués",
                        "text": "Les catégories, la grille et les dates, sur une seule page.",
                        "page": "awards",
                        "label": "Voir les prix",
                    },
                ),
            ],
        },
    },
    # An article written in English only (no "fr"): the French tree shows it as an alias, as
    # for a page just created in the admin, until the editors translate it (the Translate
    # action and the translation report show it).
    "news_cx_day_checklist": {
        "type": "NewsArticlePage",
        "parent": "news",
        "en": {
            "title": "Planning a CX Day activity? A checklist for public offices",
            "slug": "cx-day-activity-checklist",
            "date": "2022-05-10",
            "intro": "The Africa Public Sector CX Day falls on 23 June. A few weeks of preparation are enough for any public office to take part, whatever its size.",
            "body": [
                (
                    "paragraph",
                    "<p>CX Day is a day for public offices to show the people they serve that their experience matters. An activity does not need a budget: it needs a date in the diary, a team that knows what it will do, and a way to hear from users.</p>",
                ),
                ("heading", {"text": "Four weeks before", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Choose one service that many people use and one thing you will do for its users on the day: longer opening hours, a help desk in the waiting room, a short survey at the counter, or a session where staff listen to complaints and answer them.</p>",
                ),
                ("heading", {"text": "On the day", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Thank your front-line staff in public, collect feedback, and count it: how many people answered, how satisfied they were, what they asked for. Share a photo and a figure with the hashtag <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Tell us about your activity",
                        "text": "Activities sent to the programme appear on the CX Day page, country by country.",
                        "page": "cx_day",
                        "label": "See CX Day",
                    },
                ),
            ],
        },
    },
    # --------------------------------------------------------- accessibility
    "accessibility": {
        "type": "StandardPage",
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "We want everyone to be able to use this website, whatever their device, their connection or their abilities.",
            "body": [
                ("heading", {"text": "Our target", "level": "h2"}),
                (
                    "paragraph",
                    "<p>We aim to meet the <strong>Web Content Accessibility Guidelines (WCAG) 2.2, level AA</strong>. The site has not been formally audited or certified; this statement describes our own checks and is reviewed whenever the site changes significantly.</p>",
                ),
                ("heading", {"text": "What we do", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>All content and forms work <strong>without JavaScript</strong>.</li><li>Pages are kept light, with compressed images, so that they load on <strong>slow or expensive connections</strong> and on older phones.</li><li>The whole site can be used with a keyboard, and the focus is always visible.</li><li>Text can be enlarged up to 200% without loss of content, and colours are chosen for sufficient contrast.</li><li>Images that carry information have text alternatives.</li><li>All pages are available in English and French, written in plain language.</li></ul>",
                ),
                ("heading", {"text": "Known limitations", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Some documents supplied by partners, such as older PDF files, and videos hosted on external platforms may not be fully accessible. On request, we will provide the information in another format.</p>",
                ),
                ("heading", {"text": "Report a problem", "level": "h2"}),
                (
                    "paragraph",
                    '<p>If you have difficulty using any part of this site, email <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> with \u201cAccessibility\u201d in the subject line, the address of the page and a short description of the problem. We aim to reply within ten working days.</p>',
                ),
            ],
        },
        "fr": {
            "title": "Déclaration d’accessibilité",
            "slug": "accessibilite",
            "intro": "Nous voulons que chacun puisse utiliser ce site, quels que soient son appareil, sa connexion ou ses capacités.",
            "body": [
                ("heading", {"text": "Notre objectif", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Nous visons la conformité aux <strong>Règles pour l’accessibilité des contenus web (WCAG) 2.2, niveau AA</strong>. Le site n’a fait l’objet d’aucun audit ni d’aucune certification officielle ; cette déclaration repose sur nos propres vérifications et est mise à jour à chaque évolution importante du site.</p>",
                ),
                ("heading", {"text": "Ce que nous faisons", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Tous les contenus et formulaires fonctionnent <strong>sans JavaScript</strong>.</li><li>Les pages restent légères et les images sont compressées, afin de se charger avec une <strong>connexion lente ou coûteuse</strong> et sur des téléphones anciens.</li><li>L’ensemble du site est utilisable au clavier, et l’élément actif reste toujours visible.</li><li>Le texte peut être agrandi jusqu’à 200 % sans perte de contenu, et les couleurs offrent un contraste suffisant.</li><li>Les images porteuses d’information disposent d’une alternative textuelle.</li><li>Toutes les pages existent en français et en anglais, rédigées dans un langage clair.</li></ul>",
                ),
                ("heading", {"text": "Limites connues", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Certains documents fournis par des partenaires, comme d’anciens fichiers PDF, ainsi que les vidéos hébergées sur des plateformes externes, peuvent ne pas être entièrement accessibles. Sur demande, nous fournirons l’information sous un autre format.</p>",
                ),
                ("heading", {"text": "Signaler un problème", "level": "h2"}),
                (
                    "paragraph",
                    '<p>Si vous rencontrez une difficulté sur une partie du site, écrivez à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> en indiquant « Accessibilité » en objet, l’adresse de la page et une brève description du problème. Nous nous efforçons de répondre sous dix jours ouvrables.</p>',
                ),
            ],
        },
    },
    # --------------------------------------------------------------- privacy
    "privacy": {
        "type": "StandardPage",
        "en": {
            "title": "Privacy notice",
            "slug": "privacy",
            "intro": "What personal information this website collects, why we collect it, who can see it and how you can have it deleted.",
            "body": [
                ("heading", {"text": "Who is responsible", "level": "h2"}),
                (
                    "paragraph",
                    '<p>This website is run by CX Touchpoints Group, organiser of the Africa Public Sector CX Awards program. You can contact us about your data at <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
                ("heading", {"text": "What we store and why", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><strong>Pledges and co-signatures of the open letter:</strong> your name, email address, country, the type of signatory (individual, company or organisation, public organisation), the name of your organisation if any, and whether you agree to that organisation being listed publicly. We use them to count and verify support and, only if you ask for it, to send you program news.</li><li><strong>Enquiries:</strong> the details you enter in the contact forms (name, organisation, email, optional phone number and message), used solely to answer you.</li><li><strong>Technical data:</strong> short-lived server logs needed to keep the site secure. We do not use advertising or tracking cookies.</li></ul><p>We never sell your data or share it with sponsors.</p>",
                ),
                ("heading", {"text": "What is public", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The public list of signatories shows <strong>only organisations that chose to appear on it</strong>. Individual signatories are never named publicly; they are included only in overall totals.</p>",
                ),
                ("heading", {"text": "Your rights and how to ask for deletion", "level": "h2"}),
                (
                    "paragraph",
                    "<p>You can ask to see, correct or delete your information at any time by writing to <a href=\"mailto:events@cx-touchpoints.com\">events@cx-touchpoints.com</a> with \u201cData request\u201d in the subject line. We keep pledge data for as long as the program runs and delete enquiries once they no longer need a follow-up.</p><p>We handle personal data in line with the principles shared by data protection laws across Africa, such as South Africa's Protection of Personal Information Act (POPIA), Kenya's Data Protection Act and Nigeria's Data Protection Act (NDPA), and with the rules that apply in the country where you live. If you are not satisfied with our answer, you may contact the data protection authority of your country.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Politique de confidentialité",
            "slug": "confidentialite",
            "intro": "Les données personnelles recueillies par ce site, l’usage que nous en faisons, qui peut les voir et comment en demander la suppression.",
            "body": [
                ("heading", {"text": "Responsable du traitement", "level": "h2"}),
                (
                    "paragraph",
                    '<p>Ce site est géré par CX Touchpoints Group, organisateur du programme des Prix africains de l’expérience usager dans le secteur public. Pour toute question sur vos données, écrivez à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a>.</p>',
                ),
                ("heading", {"text": "Données conservées et finalités", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><strong>Engagements et cosignatures de la lettre ouverte :</strong> vos nom, adresse électronique et pays, votre type de signataire (particulier, entreprise ou organisation, organisme public), le nom de votre organisation le cas échéant et votre accord pour qu’elle figure sur la liste publique. Ces données servent à comptabiliser et vérifier les soutiens et, uniquement si vous le demandez, à vous envoyer des nouvelles du programme.</li><li><strong>Demandes de contact :</strong> les informations saisies dans les formulaires (nom, organisation, adresse électronique, téléphone facultatif et message), utilisées uniquement pour vous répondre.</li><li><strong>Données techniques :</strong> des journaux serveur conservés peu de temps, nécessaires à la sécurité du site. Nous n’utilisons aucun cookie publicitaire ou de suivi.</li></ul><p>Nous ne vendons jamais vos données et ne les communiquons pas aux sponsors.</p>",
                ),
                ("heading", {"text": "Ce qui est rendu public", "level": "h2"}),
                (
                    "paragraph",
                    "<p>La liste publique des signataires ne mentionne <strong>que les organisations qui ont choisi d’y figurer</strong>. Les particuliers ne sont jamais nommés publiquement ; ils sont seulement comptés dans les totaux.</p>",
                ),
                ("heading", {"text": "Vos droits et la suppression de vos données", "level": "h2"}),
                (
                    "paragraph",
                    '<p>Vous pouvez à tout moment demander à consulter, rectifier ou supprimer vos données en écrivant à <a href="mailto:events@cx-touchpoints.com">events@cx-touchpoints.com</a> avec la mention « Demande relative aux données » en objet. Les données d’engagement sont conservées pendant toute la durée du programme ; les demandes de contact sont supprimées dès qu’elles n’appellent plus de suite.</p><p>Nous traitons les données personnelles conformément aux principes communs aux lois africaines sur la protection des données, comme la loi sud-africaine sur la protection des informations personnelles (POPIA), la loi kényane sur la protection des données (Data Protection Act) et la loi nigériane sur la protection des données (NDPA), ainsi qu’aux règles en vigueur dans votre pays de résidence. Si notre réponse ne vous satisfait pas, vous pouvez saisir l’autorité de protection des données de votre pays.</p>',
                ),
            ],
        },
    },
}


def _add_portuguese_and_arabic():
    """The main pages' Portuguese and Arabic versions (content_pt_ar.py) join their specs."""
    from cms.demo.content_pt_ar import PT_AR

    for key, languages in PT_AR.items():
        PAGES[key].update(languages)


_add_portuguese_and_arabic()
